package dev.parley.desktop.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * An edit or delete that arrived before the message it changes, kept until that message arrives (then applied under
 * the usual rules) or until it is too old.
 *
 * @param author     who sent the action (it applies only if they wrote the target)
 * @param body       the new text of an EDIT; null for a DELETE
 * @param actionAt   the sender's clock when they edited or deleted
 * @param receivedAt when this device received the action
 */
public record PendingAction(MessageId target, String author, Kind kind, String body, Instant actionAt,
                            Instant receivedAt) {
    public enum Kind { EDIT, DELETE }

    public PendingAction {
        Objects.requireNonNull(target, "target");
        Identifiers.check(author, "author", ConversationId.MAX_LENGTH);
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.EDIT) != (body != null)) {
            throw new IllegalArgumentException("an edit has a body, a delete none");
        }
        if (body != null && body.length() > NewMessage.MAX_BODY_CHARS) {
            throw new IllegalArgumentException("edit longer than " + NewMessage.MAX_BODY_CHARS + " characters");
        }
        actionAt = Instant.ofEpochMilli(actionAt.toEpochMilli());
        receivedAt = Instant.ofEpochMilli(receivedAt.toEpochMilli());
    }

    @Override
    public String toString() {
        return "PendingAction[" + kind + ", " + target + "]";
    }
}
