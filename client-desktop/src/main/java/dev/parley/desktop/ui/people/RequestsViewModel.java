package dev.parley.desktop.ui.people;

import dev.parley.desktop.event.BlockedChangedEvent;
import dev.parley.desktop.event.ContactChangedEvent;
import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Message requests (issue #14): the list, its count for the main screen, and Accept / Delete / Block. Follows the
 * events that can change it (a message from someone new, a contact accepted or removed, a block).
 */
public final class RequestsViewModel {
    private final PeopleGateway people;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final ObservableList<PeopleGateway.Request> requests = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count", 0);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();

    public RequestsViewModel(PeopleGateway people, BackgroundTasks tasks, UserMessages messages) {
        this.people = Objects.requireNonNull(people);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
    }

    /** Loads the list and keeps it current while the main screen shows. */
    public void start(EventBus bus) {
        Runnable changed = () -> tasks.uiThread().execute(this::refresh);
        subscriptions.add(bus.subscribe(MessageReceivedEvent.class, e -> changed.run()));
        subscriptions.add(bus.subscribe(ContactChangedEvent.class, e -> changed.run()));
        subscriptions.add(bus.subscribe(BlockedChangedEvent.class, e -> changed.run()));
        refresh();
    }

    public void stop() {
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
    }

    public ObservableList<PeopleGateway.Request> requests() {
        return requests;
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void refresh() {
        tasks.run(people::requests, list -> {
            requests.setAll(list);
            count.set(list.size());
        }, e -> error.set(messages.describe(e)));
    }

    public void accept(String username) {
        act(() -> people.accept(username));
    }

    public void delete(String username) {
        act(() -> people.delete(username));
    }

    public void block(String username) {
        act(() -> people.block(username));
    }

    private void act(BackgroundTasks.VoidWork work) {
        error.set("");
        tasks.runVoid(work, this::refresh, e -> error.set(messages.describe(e)));
    }
}
