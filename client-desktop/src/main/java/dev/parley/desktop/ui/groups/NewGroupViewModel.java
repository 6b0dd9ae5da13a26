package dev.parley.desktop.ui.groups;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** "New group" (issue #15): a title and the contacts picked as members; Create makes the group with them. */
public final class NewGroupViewModel {
    private final GroupsGateway groups;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final ObservableList<String> contacts = FXCollections.observableArrayList();
    private final ObservableList<String> picked = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(this, "creating", false);
    private final BooleanBinding canCreate;
    private Consumer<String> onCreated = c -> { };

    public NewGroupViewModel(GroupsGateway groups, BackgroundTasks tasks, UserMessages messages) {
        this.groups = Objects.requireNonNull(groups);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        canCreate = Bindings.createBooleanBinding(() -> !title.get().isBlank() && !picked.isEmpty() && !creating.get(),
                title, picked, creating);
    }

    /** Loads the contacts to pick from. */
    public void load() {
        tasks.run(groups::contacts, contacts::setAll, e -> error.set(messages.describe(e)));
    }

    public StringProperty titleProperty() {
        return title;
    }

    public ObservableList<String> contacts() {
        return contacts;
    }

    /** The contacts picked as members, in the order they were picked. */
    public ObservableList<String> picked() {
        return picked;
    }

    public void setPicked(String username, boolean on) {
        if (on && !picked.contains(username)) {
            picked.add(username);
        } else if (!on) {
            picked.remove(username);
        }
    }

    public BooleanBinding canCreateBinding() {
        return canCreate;
    }

    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Called with the new group's conversation id once it is made. */
    public void onCreated(Consumer<String> listener) {
        onCreated = Objects.requireNonNull(listener);
    }

    public void create() {
        if (!canCreate.get()) {
            return;
        }
        String name = title.get().strip();
        List<String> members = new ArrayList<>(picked);
        error.set("");
        creating.set(true);
        tasks.run(() -> groups.create(name, members), conversation -> {
            creating.set(false);
            onCreated.accept(conversation);
        }, e -> {
            creating.set(false);
            error.set(messages.describe(e));
        });
    }
}
