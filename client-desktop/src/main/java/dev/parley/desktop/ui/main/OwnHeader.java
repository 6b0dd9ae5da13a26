package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.AvatarView;
import dev.parley.desktop.ui.common.ContactLook;
import dev.parley.desktop.ui.common.UserMessages;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;

/**
 * The top of the sidebar: this user's avatar and name as their contacts see them (display name and picture once set,
 * following a change in Settings without a restart; the username and initials before; issue #14) and the connection
 * status.
 */
final class OwnHeader {
    private final MainViewModel vm;
    private final AvatarView avatar = new AvatarView(true);
    private final Label name;
    private final Tooltip nameTip = new Tooltip();

    OwnHeader(MainViewModel vm, Label name) {
        this.vm = vm;
        this.name = name;
    }

    void bind(UserMessages messages, StackPane avatarHolder, Circle statusDot, Label status) {
        avatar.setId("meAvatar");
        avatarHolder.getChildren().add(avatar);
        vm.usernameProperty().addListener(o -> show());
        vm.ownLookProperty().addListener(o -> show());
        show();
        status.textProperty().bind(Bindings.when(vm.onlineProperty())
                .then(messages.get("status.online")).otherwise(messages.get("status.offline")));
        vm.onlineProperty().addListener((obs, was, now) -> statusDot.getStyleClass().setAll(
                now ? new String[] {"status-dot", "online"} : new String[] {"status-dot"}));
    }

    private void show() {
        String username = vm.usernameProperty().get();
        ContactLook own = vm.ownLookProperty().get();
        ContactLook look = own != null ? own : ContactLook.plain(username);
        avatar.setLook(look);
        name.setText(look.shown());
        // the whole name on hover, however much of it the header has room for; the username stays the stable
        // identifier: next to a display name
        nameTip.setText(look.named() ? look.shown() + "\n@" + look.username() : "@" + look.username());
        name.setTooltip(nameTip);
    }
}
