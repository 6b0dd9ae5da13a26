package dev.parley.desktop.ui.contacts;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.unlock.UsernameFeedback;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Adding a contact by username: checked as typed, then fetched from the relay. */
public final class AddContactViewModel {
    private final UiServices services;
    private final BackgroundTasks tasks;
    private final UserMessages messages;

    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final StringBinding hint;
    private final BooleanBinding canAdd;
    private final ObjectProperty<Consumer<ContactView>> onAdded = new SimpleObjectProperty<>(this, "onAdded");

    public AddContactViewModel(UiServices services, BackgroundTasks tasks, UserMessages messages) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        hint = Bindings.createStringBinding(() -> normalized().isEmpty() || isLink() ? ""
                : UsernameFeedback.problem(normalized()).map(messages::get).orElse(""), username);
        canAdd = Bindings.createBooleanBinding(() -> (isLink() || UsernameFeedback.problem(normalized()).isEmpty())
                && !tasks.busyProperty().get(), username, tasks.busyProperty());
        username.addListener((obs, was, now) -> error.set(""));
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringBinding hintBinding() {
        return hint;
    }

    public BooleanBinding canAddBinding() {
        return canAdd;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    /** Called with the new contact once added. */
    public ObjectProperty<Consumer<ContactView>> onAddedProperty() {
        return onAdded;
    }

    /** Adds the contact in the background. */
    public void add() {
        if (!canAdd.get()) {
            return;
        }
        String name = isLink() ? username.get().strip() : normalized();
        tasks.run(() -> services.addContact(name), contact -> {
            Consumer<ContactView> callback = onAdded.get();
            if (callback != null) {
                callback.accept(contact);
            }
        }, e -> error.set(messages.describe(e)));
    }

    /** Whether the user pasted a contact link ({@code parley://add/...}, issue #14) rather than a username. */
    private boolean isLink() {
        return username.get().strip().toLowerCase(Locale.ROOT).startsWith("parley://");
    }

    /** What the user typed, trimmed, lower-case, without a leading "@". */
    private String normalized() {
        String s = username.get().strip().toLowerCase(Locale.ROOT);
        return s.startsWith("@") ? s.substring(1) : s;
    }
}
