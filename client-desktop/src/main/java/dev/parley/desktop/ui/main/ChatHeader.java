package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.AvatarView;
import dev.parley.desktop.ui.common.ContactLook;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.Icons;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * The open chat's header (split out of {@link MainController}): the partner's avatar, name (with the username next to
 * a display name, issue #14) and subtitle (typing, members, verified), and the safety-number button's state.
 */
final class ChatHeader {
    private static final PseudoClass VERIFIED = PseudoClass.getPseudoClass("verified");

    private final MainViewModel vm;
    private final UserMessages messages;
    private final AvatarView avatar;
    private final Label title;
    private final Label username;
    private final Label subtitle;
    private final Button safetyButton;
    private final Label identityText;

    ChatHeader(MainViewModel vm, UserMessages messages, AvatarView avatar, Label title, Label username, Label subtitle,
               Button safetyButton, Label identityText) {
        this.vm = Objects.requireNonNull(vm);
        this.messages = Objects.requireNonNull(messages);
        this.avatar = avatar;
        this.title = title;
        this.username = username;
        this.subtitle = subtitle;
        this.safetyButton = safetyButton;
        this.identityText = identityText;
    }

    void show(ContactView contact, boolean typing) {
        if (contact == null) {
            return;
        }
        avatar.setGroup(contact.isGroup());
        if (contact.isGroup()) {
            avatar.setName(contact.shownName());
            title.setText(contact.shownName());
            username.setText("");
            username.setVisible(false);
            username.setManaged(false);
        } else {
            ContactLook look = vm.conversations().look(contact.username());
            avatar.setLook(look);
            title.setText(look.shown());
            // the username next to a name, so a display name cannot pass for someone else (#14)
            username.setText(look.named() ? "@" + contact.username() : "");
            username.setVisible(look.named());
            username.setManaged(look.named());
        }
        subtitle.getStyleClass().setAll("chat-subtitle");
        String typists = vm.chat().groupTyping().textProperty().get();
        if (contact.isGroup() && !typists.isEmpty()) {
            subtitle.setText(typists);
            subtitle.getStyleClass().add("typing");
        } else if (contact.isGroup()) {
            subtitle.setText(messages.get(contact.group().statusKey(), contact.group().members()));
        } else if (typing) {
            subtitle.setText(messages.get("main.typing"));
            subtitle.getStyleClass().add("typing");
        } else {
            subtitle.setText(messages.get(contact.verified() ? "main.verified" : "main.unverified"));
        }
        // verified and not verified differ by shape (solid shield with a check, empty outline), not only by colour
        Icons icon = contact.verified() ? Icons.SHIELD : Icons.SHIELD_OUTLINE;
        safetyButton.setGraphic(icon.node());
        safetyButton.setTooltip(new Tooltip(messages.get(contact.verified() ? "main.safetyNumber.verified"
                : "main.safetyNumber.unverified")));
        safetyButton.pseudoClassStateChanged(VERIFIED, contact.verified());
        identityText.setText(messages.get("main.identityChanged", contact.username()));
    }
}
