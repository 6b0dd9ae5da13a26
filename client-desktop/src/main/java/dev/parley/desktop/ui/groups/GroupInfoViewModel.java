package dev.parley.desktop.ui.groups;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Group info (issue #15): the members with their roles and, for admins, add / remove / make admin and rename; leave
 * for everyone. Every change is one group change signed and sent by the service; the listener hears of each so the
 * conversation list and the chat follow.
 */
public final class GroupInfoViewModel {
    private final String conversation;
    private final GroupsGateway groups;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final ReadOnlyObjectWrapper<GroupsGateway.Details> details = new ReadOnlyObjectWrapper<>(this, "details");
    /** Contacts who are not members (the "Add members" choices). */
    private final ObservableList<String> addable = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working", false);
    private Consumer<String> onChanged = c -> { };
    /** The invite link while shown; empty otherwise. */
    private final ReadOnlyStringWrapper link = new ReadOnlyStringWrapper(this, "link", "");

    public GroupInfoViewModel(String conversation, GroupsGateway groups, BackgroundTasks tasks, UserMessages messages) {
        this.conversation = Objects.requireNonNull(conversation);
        this.groups = Objects.requireNonNull(groups);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
    }

    /** The group's conversation id. */
    public String conversation() {
        return conversation;
    }

    public ReadOnlyObjectProperty<GroupsGateway.Details> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ObservableList<String> addable() {
        return addable;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** Called with the group's conversation id after each change made here. */
    public void onChanged(Consumer<String> listener) {
        onChanged = Objects.requireNonNull(listener);
    }

    public void load() {
        tasks.run(() -> groups.details(conversation), this::show, this::fail);
    }

    public void add(List<String> members) {
        if (!members.isEmpty()) {
            change(() -> groups.add(conversation, List.copyOf(members)));
        }
    }

    public void remove(String member) {
        change(() -> groups.remove(conversation, member));
    }

    public void setAdmin(String member, boolean admin) {
        change(() -> groups.setAdmin(conversation, member, admin));
    }

    public void rename(String title) {
        if (title != null && !title.isBlank()) {
            change(() -> groups.rename(conversation, title.strip()));
        }
    }

    public void leave() {
        change(() -> groups.leave(conversation));
    }

    /** The invite link while shown (after {@link #showLink}); empty once turned off. */
    public ReadOnlyStringProperty linkProperty() {
        return link.getReadOnlyProperty();
    }

    /** Shows the invite link, turning it on if it was off. */
    public void showLink() {
        error.set("");
        working.set(true);
        tasks.run(() -> groups.link(conversation), l -> {
            working.set(false);
            link.set(l);
            load();
            onChanged.accept(conversation);
        }, e -> {
            working.set(false);
            fail(e);
        });
    }

    /** Turns the invite link off. */
    public void revokeLink() {
        link.set("");
        change(() -> groups.revokeLink(conversation));
    }

    public void setApproval(boolean on) {
        change(() -> groups.settings(conversation, on, null));
    }

    public void setAnnouncements(boolean on) {
        change(() -> groups.settings(conversation, null, on));
    }

    public void approve(String username) {
        change(() -> groups.approve(conversation, username));
    }

    public void deny(String username) {
        change(() -> groups.deny(conversation, username));
    }

    private void change(Callable<GroupsGateway.Details> work) {
        error.set("");
        working.set(true);
        tasks.run(work, d -> {
            working.set(false);
            show(d);
            onChanged.accept(conversation);
        }, e -> {
            working.set(false);
            fail(e);
        });
    }

    private void show(GroupsGateway.Details d) {
        details.set(d);
        if (d.meAdmin()) {
            tasks.run(groups::contacts, all -> addable.setAll(all.stream()
                    .filter(c -> d.members().stream().noneMatch(m -> m.username().equals(c))).toList()), this::fail);
        } else {
            addable.clear();
        }
    }

    private void fail(Exception e) {
        error.set(messages.describe(e));
    }
}
