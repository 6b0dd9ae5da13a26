package dev.parley.crypto.payload;

import java.util.List;
import java.util.Objects;

/**
 * The payloads one account's devices send each other (issue #17, linked devices, docs/protocol.md 1.18). The other
 * device payloads stand in their own files ({@link HistoryChunk}, {@link GroupTranscript}, {@link SettingsSync}, ...).
 *
 * <p>Only {@link Payload} extends this interface, and only to give each record its name {@code Payload.X}:
 * write {@code Payload.SentTranscript}, never {@code DeviceSyncPayloads.SentTranscript}.
 */
public interface DeviceSyncPayloads {
    /**
     * Issue #17, linked devices: a copy, for the sender's own other devices, of a payload it sent to {@code recipient}
     * (docs/protocol.md 1.18); the receiving device stores it as an outgoing message of that conversation. It never
     * wraps another transcript.
     */
    record SentTranscript(String recipient, Payload original) implements Payload {
        public SentTranscript {
            if (recipient == null || !dev.parley.crypto.wire.Usernames.isValid(recipient)) {
                throw new IllegalArgumentException("recipient: a valid username expected");
            }
            Objects.requireNonNull(original, "original");
            if (original instanceof SentTranscript || original instanceof Unknown) {
                throw new IllegalArgumentException("a transcript carries a known payload other than a transcript");
            }
        }

        @Override
        public int typeCode() {
            return PayloadType.SENT_TRANSCRIPT.code();
        }
    }

    /**
     * Issue #17, linked devices: this account read these messages of the direct conversation with {@code peer} on
     * another of its devices (docs/protocol.md 1.18); the receiving device marks them read too, without receipts.
     */
    record ReadSync(String peer, List<MessageId> ids) implements Payload {
        public ReadSync {
            if (peer == null || !dev.parley.crypto.wire.Usernames.isValid(peer)) {
                throw new IllegalArgumentException("peer: a valid username expected");
            }
            ids = List.copyOf(ids);
            if (ids.isEmpty() || ids.size() > MAX_RECEIPT_IDS) {
                throw new IllegalArgumentException("1 to " + MAX_RECEIPT_IDS + " message ids expected");
            }
        }

        @Override
        public int typeCode() {
            return PayloadType.READ_SYNC.code();
        }
    }

    /**
     * Issue #17, linked devices: this account muted or archived (or took that back on) a conversation on another of its
     * devices (docs/protocol.md 1.18); the receiving device sets the same marks. Exactly one of {@code peer} (a direct
     * conversation) and {@code group} (a group's conversation) is set. The marks are the conversation's whole state,
     * so applying one twice changes nothing.
     */
    record ConversationSync(String peer, dev.parley.crypto.group.GroupId group, boolean muted, boolean archived)
            implements Payload {
        public ConversationSync {
            if ((peer == null) == (group == null)) {
                throw new IllegalArgumentException("a conversation sync names a peer or a group");
            }
            if (peer != null && !dev.parley.crypto.wire.Usernames.isValid(peer)) {
                throw new IllegalArgumentException("peer: a valid username expected");
            }
        }

        @Override
        public int typeCode() {
            return PayloadType.CONVERSATION_SYNC.code();
        }
    }

    /**
     * Issue #17, linked devices: this account changed a contact on another of its devices (docs/protocol.md 1.18).
     * {@code identityKey} is the contact's identity key (32 bytes) for ADDED and VERIFIED (the key that was added or
     * whose safety number was compared), empty for the other changes.
     */
    record ContactSync(Change change, String username, byte[] identityKey) implements Payload {
        /** What changed; the codes are the wire's. */
        public enum Change {
            ADDED(1), REMOVED(2), REMOVED_WITH_HISTORY(3), BLOCKED(4), UNBLOCKED(5), VERIFIED(6), UNVERIFIED(7);

            private final int code;

            Change(int code) {
                this.code = code;
            }

            public int code() {
                return code;
            }

            /** Whether this change carries the contact's identity key. */
            public boolean carriesKey() {
                return this == ADDED || this == VERIFIED;
            }

            public static java.util.Optional<Change> fromCode(int code) {
                for (Change change : values()) {
                    if (change.code == code) {
                        return java.util.Optional.of(change);
                    }
                }
                return java.util.Optional.empty();
            }
        }

        public ContactSync {
            Objects.requireNonNull(change, "change");
            if (username == null || !dev.parley.crypto.wire.Usernames.isValid(username)) {
                throw new IllegalArgumentException("username: a valid username expected");
            }
            identityKey = identityKey == null ? new byte[0] : identityKey.clone();
            int expected = change.carriesKey() ? dev.parley.crypto.identity.IdentityKey.BYTES : 0;
            if (identityKey.length != expected) {
                throw new IllegalArgumentException("contact sync: " + expected + " bytes of identity key expected");
            }
        }

        @Override
        public byte[] identityKey() {
            return identityKey.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ContactSync c && change == c.change && username.equals(c.username)
                    && java.util.Arrays.equals(identityKey, c.identityKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(change, username, java.util.Arrays.hashCode(identityKey));
        }

        @Override
        public String toString() {
            return "ContactSync[" + change + "]";
        }

        @Override
        public int typeCode() {
            return PayloadType.CONTACT_SYNC.code();
        }
    }
}
