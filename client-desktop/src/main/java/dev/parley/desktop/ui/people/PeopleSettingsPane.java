package dev.parley.desktop.ui.people;

import dev.parley.desktop.storage.PresenceVisibility;
import dev.parley.desktop.ui.common.AvatarView;
import dev.parley.desktop.ui.common.ContactLook;
import dev.parley.desktop.ui.common.UserMessages;
import java.io.File;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The people sections of Settings (issue #14): Profile (name, about, avatar; sent to contacts only), Presence
 * (contacts / nobody) and Blocked users with Unblock.
 */
public final class PeopleSettingsPane extends VBox {
    private final PeopleSettingsViewModel vm;
    private final UserMessages messages;
    private final VBox blockedRows = new VBox(4);
    private final AvatarView avatar = AvatarView.large();
    /** Held by the pane, weakly by the look it follows (a closed Settings dialog goes). */
    private final ChangeListener<ContactLook> showOwn = (obs, was, now) -> {
        if (now != null) {
            avatar.setLook(now);
        }
    };

    /**
     * @param chooseImage opens a file chooser over the window (null when cancelled)
     * @param own         how this user looks to contacts (the saved name and picture), shown as the preview: a round
     *                    avatar like every other, following a save
     */
    public PeopleSettingsPane(PeopleSettingsViewModel vm, UserMessages messages, Function<Window, File> chooseImage,
                              ReadOnlyObjectProperty<ContactLook> own) {
        super(6);
        this.vm = vm;
        this.messages = messages;
        getChildren().add(section("people.profile.section"));
        avatar.setId("profileAvatar");
        own.addListener(new WeakChangeListener<>(showOwn));
        showOwn.changed(own, null, own.get());
        Label chosen = new Label();
        chosen.getStyleClass().add("hint");
        chosen.textProperty().bind(Bindings.createStringBinding(() -> vm.avatarFileProperty().get() == null ? ""
                : vm.avatarFileProperty().get().getFileName().toString(), vm.avatarFileProperty()));
        Button choose = new Button(messages.get("people.profile.chooseAvatar"));
        choose.setId("chooseAvatar");
        choose.setOnAction(e -> {
            File f = chooseImage.apply(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                vm.avatarFileProperty().set(f.toPath());
                vm.clearAvatarProperty().set(false);
            }
        });
        CheckBox clear = new CheckBox(messages.get("people.profile.removeAvatar"));
        clear.setId("removeAvatar");
        clear.selectedProperty().bindBidirectional(vm.clearAvatarProperty());
        HBox avatarRow = new HBox(12, avatar, new VBox(6, choose, clear, chosen));
        avatarRow.setAlignment(Pos.CENTER_LEFT);
        TextField name = field("profileName", "people.profile.namePrompt");
        name.textProperty().bindBidirectional(vm.displayNameProperty());
        TextField about = field("profileAbout", "people.profile.aboutPrompt");
        about.textProperty().bindBidirectional(vm.aboutProperty());
        Button save = new Button(messages.get("people.profile.save"));
        save.setId("saveProfile");
        save.setOnAction(e -> vm.saveProfile());
        Label status = new Label();
        status.getStyleClass().add("hint");
        status.textProperty().bind(vm.statusProperty());
        HBox saveRow = new HBox(10, save, status);
        saveRow.setAlignment(Pos.CENTER_LEFT);
        Label hint = hint("people.profile.hint");
        getChildren().addAll(avatarRow, label("people.profile.name"), name, label("people.profile.about"), about,
                hint, saveRow);

        getChildren().add(section("people.presence.section"));
        ComboBox<PresenceVisibility> presence = new ComboBox<>();
        presence.setId("presenceVisibility");
        presence.getItems().setAll(PresenceVisibility.values());
        presence.setConverter(new StringConverter<>() {
            @Override
            public String toString(PresenceVisibility v) {
                return v == null ? "" : messages.get("people.presence." + v.name());
            }

            @Override
            public PresenceVisibility fromString(String s) {
                return PresenceVisibility.valueOf(s);
            }
        });
        presence.valueProperty().bindBidirectional(vm.presenceProperty());
        Label presenceLabel = new Label(messages.get("people.presence.who"));
        presenceLabel.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(presenceLabel, Priority.ALWAYS);
        HBox presenceRow = new HBox(12, presenceLabel, presence);
        presenceRow.getStyleClass().add("settings-row");
        getChildren().addAll(presenceRow, hint("people.presence.hint"));

        getChildren().add(section("people.blocked.section"));
        Label none = hint("people.blocked.none");
        none.setId("noBlocked");
        none.visibleProperty().bind(Bindings.isEmpty(vm.blocked()));
        none.managedProperty().bind(none.visibleProperty());
        getChildren().addAll(none, blockedRows);
        vm.blocked().addListener((ListChangeListener<String>) c -> showBlocked());

        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        getChildren().add(error);
    }

    private void showBlocked() {
        blockedRows.getChildren().clear();
        for (String username : vm.blocked()) {
            Label name = new Label("@" + username);
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            Button unblock = new Button(messages.get("people.blocked.unblock"));
            unblock.setId("unblock-" + username);
            unblock.setOnAction(e -> vm.unblock(username));
            HBox row = new HBox(10, name, unblock);
            row.setAlignment(Pos.CENTER_LEFT);
            blockedRows.getChildren().add(row);
        }
    }

    private Label section(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("settings-section");
        return l;
    }

    private Label label(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("field-label");
        return l;
    }

    private Label hint(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    private TextField field(String id, String promptKey) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(messages.get(promptKey));
        return f;
    }
}
