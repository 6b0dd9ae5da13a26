package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;

/**
 * The bars above the composer while it edits a message (its text comes in; Enter saves, Escape cancels) or writes a
 * reply (who and what is replied to; Escape cancels).
 */
final class ComposerBars {
    private static final int SNIPPET_CHARS = 80;
    private final MessageActionsViewModel actions;
    private final UserMessages messages;
    private final TextArea composer;

    ComposerBars(MessageActionsViewModel actions, UserMessages messages, TextArea composer) {
        this.actions = Objects.requireNonNull(actions);
        this.messages = Objects.requireNonNull(messages);
        this.composer = Objects.requireNonNull(composer);
    }

    void bind(HBox editBar, HBox replyBar, Label replyText) {
        editBar.visibleProperty().bind(actions.editingProperty().isNotNull());
        editBar.managedProperty().bind(editBar.visibleProperty());
        actions.editingProperty().addListener((obs, was, now) -> {
            composer.setText(now == null ? "" : now.text());
            if (now != null) {
                focusComposer();
            }
        });
        replyBar.visibleProperty().bind(actions.replyingToProperty().isNotNull());
        replyBar.managedProperty().bind(replyBar.visibleProperty());
        actions.replyingToProperty().addListener((obs, was, now) -> {
            replyText.setText(now == null ? "" : messages.get("message.replyingTo", author(now), snippet(now.text())));
            if (now != null) {
                focusComposer();
            }
        });
    }

    private String author(MessageView m) {
        return m.outgoing() ? messages.get("main.you") : m.contact();
    }

    private static String snippet(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() <= SNIPPET_CHARS ? line : line.substring(0, SNIPPET_CHARS) + "\u2026";
    }

    private void focusComposer() {
        composer.requestFocus();
        composer.end();
    }
}
