package dev.parley.desktop.ui.people;

import dev.parley.desktop.storage.PresenceVisibility;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The people part of Settings (issue #14): the own profile (name, about line, avatar), who sees presence, and the
 * blocked list with Unblock. The avatar file is read and downscaled by the profile service, off the FX thread.
 */
public final class PeopleSettingsViewModel {
    private final PeopleGateway people;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final StringProperty about = new SimpleStringProperty(this, "about", "");
    private final ObjectProperty<Path> avatarFile = new SimpleObjectProperty<>(this, "avatarFile");
    private final BooleanProperty clearAvatar = new SimpleBooleanProperty(this, "clearAvatar", false);
    private final ReadOnlyObjectWrapper<byte[]> avatar = new ReadOnlyObjectWrapper<>(this, "avatar", new byte[0]);
    private final ObjectProperty<PresenceVisibility> presence =
            new SimpleObjectProperty<>(this, "presence", PresenceVisibility.CONTACTS);
    private final ObservableList<String> blocked = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private boolean loading;

    public PeopleSettingsViewModel(PeopleGateway people, BackgroundTasks tasks, UserMessages messages) {
        this.people = Objects.requireNonNull(people);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        presence.addListener((obs, was, now) -> {
            if (!loading && now != null && now != was) {
                tasks.runVoid(() -> people.setPresenceVisibility(now), () -> { }, this::failed);
            }
        });
    }

    public void load() {
        tasks.run(people::ownProfile, p -> {
            displayName.set(p.displayName());
            about.set(p.about());
            avatar.set(p.avatarPng());
        }, this::failed);
        tasks.run(people::presenceVisibility, v -> {
            loading = true;
            presence.set(v);
            loading = false;
        }, this::failed);
        tasks.run(people::blocked, blocked::setAll, this::failed);
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty aboutProperty() {
        return about;
    }

    /** The image file chosen for the avatar (sent on save). */
    public ObjectProperty<Path> avatarFileProperty() {
        return avatarFile;
    }

    /** Whether saving removes the avatar. */
    public BooleanProperty clearAvatarProperty() {
        return clearAvatar;
    }

    /** The saved avatar (PNG bytes; empty when none). */
    public ReadOnlyObjectProperty<byte[]> avatarProperty() {
        return avatar.getReadOnlyProperty();
    }

    public ObjectProperty<PresenceVisibility> presenceProperty() {
        return presence;
    }

    public ObservableList<String> blocked() {
        return blocked;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Saves the profile (and sends it to contacts). */
    public void saveProfile() {
        String name = displayName.get();
        String text = about.get();
        Optional<Path> file = Optional.ofNullable(avatarFile.get());
        boolean clear = clearAvatar.get();
        error.set("");
        status.set("");
        tasks.run(() -> people.saveProfile(name, text, file, clear), p -> {
            displayName.set(p.displayName());
            about.set(p.about());
            avatar.set(p.avatarPng());
            avatarFile.set(null);
            clearAvatar.set(false);
            status.set(messages.get("people.profile.saved"));
        }, this::failed);
    }

    public void unblock(String username) {
        error.set("");
        tasks.runVoid(() -> people.unblock(username),
                () -> tasks.run(people::blocked, blocked::setAll, this::failed), this::failed);
    }

    private void failed(Exception e) {
        error.set(messages.describe(e));
    }
}
