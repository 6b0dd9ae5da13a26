package dev.parley.desktop.ui.contacts;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The safety-number screen: the digit groups, the QR code, and "mark as verified". */
public final class SafetyNumberViewModel {
    private final UiServices services;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final String contact;

    private final ObservableList<String> groups = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<QrMatrix> qr = new ReadOnlyObjectWrapper<>(this, "qr");
    private final ReadOnlyBooleanWrapper verified = new ReadOnlyBooleanWrapper(this, "verified");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public SafetyNumberViewModel(String contact, UiServices services, BackgroundTasks tasks, UserMessages messages) {
        this.contact = Objects.requireNonNull(contact);
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
    }

    public String contact() {
        return contact;
    }

    public ObservableList<String> groups() {
        return groups;
    }

    public ReadOnlyObjectProperty<QrMatrix> qrProperty() {
        return qr.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty verifiedProperty() {
        return verified.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Loads the safety number and the contact's trust. */
    public void load() {
        tasks.run(() -> new Loaded(services.safetyNumber(contact), services.contact(contact)), loaded -> {
            groups.setAll(SafetyNumberFormat.groups(loaded.view().digits()));
            qr.set(QrMatrix.encode(loaded.view().qrPayload()));
            verified.set(loaded.contact().verified());
            shownKey = loaded.view().identityKey();
        }, e -> error.set(messages.describe(e)));
    }

    /** Marks the contact verified (after the user compared the numbers). */
    public void markVerified() {
        byte[] key = shownKey;
        if (key == null) {
            return;
        }
        tasks.run(() -> services.markVerified(contact, key), c -> verified.set(c.verified()),
                e -> error.set(messages.describe(e)));
    }

    /** The identity key of the safety number on screen; only this key is ever marked verified. */
    private byte[] shownKey;
    /** Takes the verification back: the contact shows as not verified again. */
    public void clearVerification() {
        tasks.run(() -> services.clearVerification(contact), c -> verified.set(c.verified()),
                e -> error.set(messages.describe(e)));
    }

    private record Loaded(UiServices.SafetyNumber view, ContactView contact) {
    }
}
