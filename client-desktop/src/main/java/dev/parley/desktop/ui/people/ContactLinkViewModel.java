package dev.parley.desktop.ui.people;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.DesktopHooks;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.contacts.QrMatrix;
import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** "My contact link" (issue #14): the {@code parley://add/...} link, its QR code, Copy and Save as PNG. */
public final class ContactLinkViewModel {
    /** Pixels per QR module in the saved PNG. */
    static final int PNG_SCALE = 8;

    private final PeopleGateway people;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final DesktopHooks desktop;
    private final ReadOnlyStringWrapper link = new ReadOnlyStringWrapper(this, "link", "");
    private final ReadOnlyObjectWrapper<QrMatrix> qr = new ReadOnlyObjectWrapper<>(this, "qr");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public ContactLinkViewModel(PeopleGateway people, BackgroundTasks tasks, UserMessages messages, DesktopHooks desktop) {
        this.people = Objects.requireNonNull(people);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        this.desktop = Objects.requireNonNull(desktop);
    }

    public void load() {
        record Loaded(String link, QrMatrix qr) {
        }
        tasks.run(() -> {
            String l = people.contactLink();
            return new Loaded(l, QrMatrix.encode(l));
        }, loaded -> {
            link.set(loaded.link());
            qr.set(loaded.qr());
        }, e -> error.set(messages.describe(e)));
    }

    public ReadOnlyStringProperty linkProperty() {
        return link.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<QrMatrix> qrProperty() {
        return qr.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void copy() {
        if (!link.get().isEmpty()) {
            desktop.copyText(link.get());
            status.set(messages.get("people.link.copied"));
        }
    }

    /** Writes the QR code as a PNG to {@code file} (chosen by the user). */
    public void saveAsPng(Path file) {
        QrMatrix matrix = qr.get();
        if (matrix == null || file == null) {
            return;
        }
        error.set("");
        tasks.runVoid(() -> people.writeFile(file, QrPng.encode(matrix, PNG_SCALE)),
                () -> status.set(messages.get("people.link.saved", file.getFileName().toString())),
                e -> error.set(messages.describe(e)));
    }
}
