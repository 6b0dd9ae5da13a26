package dev.parley.crypto.payload;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The payloads a person writes into a conversation: texts, reactions, edits, deletes, the disappearing-messages
 * timer and files.
 *
 * <p>Only {@link Payload} extends this interface, and only to give each record its name {@code Payload.X}:
 * write {@code Payload.Text}, never {@code MessagePayloads.Text}.
 */
public interface MessagePayloads {
    /**
     * A text message. {@code sentAtMillis} is the sender's clock (epoch milliseconds), for display only. {@code quoted}
     * is the message it replies to (null if none); {@code expireSeconds} is the sender's disappearing-messages timer
     * for the conversation (0 = off), which the receiver checks against the allowed values.
     */
    record Text(MessageId id, long sentAtMillis, String text, MessageId quoted, long expireSeconds) implements Payload {
        public Text {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            if (text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
                throw new IllegalArgumentException("text message: at most " + MAX_TEXT_BYTES + " UTF-8 bytes");
            }
            if (expireSeconds < 0 || expireSeconds > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("text message: timer out of range");
            }
        }

        /** A plain text: no reply, no timer. */
        public Text(MessageId id, long sentAtMillis, String text) {
            this(id, sentAtMillis, text, null, 0);
        }

        /** Whether it needs the RICH_TEXT layout (a reply or a timer). */
        public boolean isRich() {
            return quoted != null || expireSeconds != 0;
        }

        @Override
        public int typeCode() {
            return isRich() ? PayloadType.RICH_TEXT.code() : PayloadType.TEXT.code();
        }

        @Override
        public String toString() {
            return "Text[" + id + ", content hidden]";
        }
    }

    /**
     * The sender's reaction to a message (by its id): sets their one emoji on it, replacing any earlier one, or with
     * {@code remove} takes their reaction away. Whether {@code emoji} really is an emoji is the receiver's check.
     */
    record Reaction(MessageId target, String emoji, boolean remove) implements Payload {
        public Reaction {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(emoji, "emoji");
            int bytes = emoji.getBytes(StandardCharsets.UTF_8).length;
            if (bytes == 0 || bytes > MAX_REACTION_BYTES) {
                throw new IllegalArgumentException("reaction: 1 to " + MAX_REACTION_BYTES + " UTF-8 bytes of emoji");
            }
        }

        @Override
        public int typeCode() {
            return PayloadType.REACTION.code();
        }

        @Override
        public String toString() {
            return "Reaction[" + target + (remove ? ", remove" : "") + "]";
        }
    }

    /**
     * The sender replaces the text of their own earlier message {@code target} with {@code text}; {@code
     * editedAtMillis} is the sender's clock. Whether the sender wrote the target, and the time windows, are the
     * receiver's checks.
     */
    record Edit(MessageId target, long editedAtMillis, String text) implements Payload {
        public Edit {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(text, "text");
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes == 0 || bytes > MAX_TEXT_BYTES) {
                throw new IllegalArgumentException("edit: 1 to " + MAX_TEXT_BYTES + " UTF-8 bytes of text");
            }
        }

        @Override
        public int typeCode() {
            return PayloadType.EDIT.code();
        }

        @Override
        public String toString() {
            return "Edit[" + target + ", content hidden]";
        }
    }

    /**
     * The sender deletes their own earlier message {@code target} for everyone; {@code deletedAtMillis} is the
     * sender's clock. Whether the sender wrote the target, and the time window, are the receiver's checks.
     */
    record Delete(MessageId target, long deletedAtMillis) implements Payload {
        public Delete {
            Objects.requireNonNull(target, "target");
        }

        @Override
        public int typeCode() {
            return PayloadType.DELETE.code();
        }
    }

    /**
     * The sender set the conversation's disappearing-messages timer to {@code seconds} (0 = off) at
     * {@code setAtMillis} (the sender's clock). Whether the value is one of the allowed ones is the receiver's check.
     */
    record TimerUpdate(long seconds, long setAtMillis) implements Payload {
        public TimerUpdate {
            if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("timer: 0 to 2^32-1 seconds");
            }
        }

        @Override
        public int typeCode() {
            return PayloadType.TIMER_UPDATE.code();
        }
    }

    /**
     * A file sent as a message: the pointer to its encrypted copy on the relay (docs/protocol.md, 1.11) and an optional
     * caption. {@code sentAtMillis} is the sender's clock, for display only.
     */
    record Attachment(MessageId id, long sentAtMillis, AttachmentPointer pointer, String caption) implements Payload {
        public Attachment {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(pointer, "pointer");
            caption = caption == null ? "" : caption;
            if (caption.getBytes(StandardCharsets.UTF_8).length > MAX_CAPTION_BYTES) {
                throw new IllegalArgumentException("attachment caption: at most " + MAX_CAPTION_BYTES + " UTF-8 bytes");
            }
        }

        @Override
        public int typeCode() {
            return PayloadType.ATTACHMENT.code();
        }

        @Override
        public String toString() {
            return "Attachment[" + id + ", content hidden]";
        }
    }
}
