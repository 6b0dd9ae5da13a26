package dev.parley.desktop.storage.history;

import java.util.List;
import java.util.Objects;

/**
 * Issue #17, history transfer: the rows of one chunk of an account's history as one device sends them to its new
 * device (docs/protocol.md 1.18, "History transfer"): the groups and conversations its messages belong to, and the
 * messages newest first, each with its edit versions, reactions and attachment row. Encoded by
 * {@link HistoryRowsCodec}. Values are the database's, as they are; times are epoch milliseconds.
 */
public record HistoryRows(List<GroupState> groups, List<Conversation> conversations, List<Message> messages) {
    public HistoryRows {
        groups = List.copyOf(groups);
        conversations = List.copyOf(conversations);
        messages = List.copyOf(messages);
    }

    /** A group's stored state (its conversation's title and members), kept only if the new device has none. */
    public record GroupState(String groupId, byte[] state, byte[] previous, byte[] changeHash, boolean active) {
        public GroupState {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(changeHash, "changeHash");
        }
    }

    /** A conversation record, kept only if the new device has none. */
    public record Conversation(String id, String kind, long expireSeconds, boolean muted, boolean archived) {
        public Conversation {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** A message with everything that hangs on it. */
    public record Message(String messageId, String conversationId, String direction, String sender, long sentAt,
                          Long receivedAt, String body, String state, String failureReason, boolean unread,
                          boolean deleted, int editCount, Long editedAt, String quotedId, String quotedAuthor,
                          String quotedSnippet, Long expiresAt, String kind, Long relayAcceptedAt, Long deliveredAt,
                          Long readAt, List<Version> versions, List<Reaction> reactions, Attachment attachment) {
        public Message {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(conversationId, "conversationId");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(kind, "kind");
            versions = List.copyOf(versions);
            reactions = List.copyOf(reactions);
        }
    }

    /** An earlier text of an edited message. */
    public record Version(int version, String body, long writtenAt) {
        public Version {
            Objects.requireNonNull(body, "body");
        }
    }

    /** One person's reaction to the message. */
    public record Reaction(String reactor, String emoji, long reactedAt) {
        public Reaction {
            Objects.requireNonNull(reactor, "reactor");
            Objects.requireNonNull(emoji, "emoji");
        }
    }

    /** The message's file: the pointer and key, so the new device fetches the body from the relay on demand. */
    public record Attachment(byte[] attachmentId, byte[] fileKey, byte[] digest, long size, String fileName,
                             String contentType, int width, int height, byte[] thumbnail, String state) {
        public Attachment {
            Objects.requireNonNull(attachmentId, "attachmentId");
            Objects.requireNonNull(fileKey, "fileKey");
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(thumbnail, "thumbnail");
            Objects.requireNonNull(state, "state");
        }
    }
}
