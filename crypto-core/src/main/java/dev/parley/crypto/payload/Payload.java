package dev.parley.crypto.payload;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What travels inside one encrypted ratchet message. Encoded by {@link PayloadCodec}, padded by {@link Padding}
 * before encryption.
 */
public sealed interface Payload
        permits Payload.Text, Payload.DeliveryReceipt, Payload.ReadReceipt, Payload.TypingStarted,
        Payload.TypingStopped, Payload.Reaction, Payload.Unknown,
        Payload.Edit,
        Payload.Delete,
        Payload.TimerUpdate,
        Payload.Attachment,
        Payload.Profile,
        Payload.Presence,
        Payload.Restored,
        Payload.GroupUpdate, Payload.SenderKey, Payload.GroupMessage,
        Payload.GroupTyping, Payload.GroupJoinRequest,
        GroupStateRequest, GroupStateAnswer,
        Payload.SentTranscript,
        Payload.ReadSync,
        Payload.ConversationSync,
        HistoryChunk,
        Payload.ContactSync,
        GroupTranscript, GroupReadSync, GroupSync, SenderKeySync,
        SettingsSync,
        DeviceUnlinked {

    /** Maximum UTF-8 size of a text message body. */
    int MAX_TEXT_BYTES = 60_000;
    /** Maximum number of message ids in one receipt. */
    int MAX_RECEIPT_IDS = 1000;
    /** Maximum UTF-8 size of a reaction's emoji (a long ZWJ sequence fits). */
    int MAX_REACTION_BYTES = 64;
    /** Maximum UTF-8 size of an attachment's caption. */
    int MAX_CAPTION_BYTES = 4096;

    /** The wire type code of this payload. */
    int typeCode();

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

    /** The recipient's client has stored these messages. */
    record DeliveryReceipt(List<MessageId> ids) implements Payload {
        public DeliveryReceipt {
            ids = checkedIds(ids);
        }

        @Override
        public int typeCode() {
            return PayloadType.DELIVERY_RECEIPT.code();
        }
    }

    /** The recipient has displayed these messages. */
    record ReadReceipt(List<MessageId> ids) implements Payload {
        public ReadReceipt {
            ids = checkedIds(ids);
        }

        @Override
        public int typeCode() {
            return PayloadType.READ_RECEIPT.code();
        }
    }

    /** The sender started typing. */
    record TypingStarted() implements Payload {
        @Override
        public int typeCode() {
            return PayloadType.TYPING_STARTED.code();
        }
    }

    /** The sender stopped typing. */
    record TypingStopped() implements Payload {
        @Override
        public int typeCode() {
            return PayloadType.TYPING_STOPPED.code();
        }
    }

    /** A payload of a type this client does not know (a later version's type): skip it. The body is discarded. */
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

    /**
     * The sender's profile (issue #14), sent only to contacts: a display name, an "about" line and an avatar image
     * (PNG or JPEG bytes, already downscaled by the sender). {@code version} grows with every change; a receiver keeps
     * the highest. Empty strings and an empty avatar mean "not set". Bytes are capped here; what the text may contain
     * (normalisation, bidi controls, look-alikes) is the receiver's check.
     */
    record Profile(long version, String displayName, String about, byte[] avatar) implements Payload {
        /** Most UTF-8 bytes of a display name on the wire. */
        public static final int MAX_NAME_BYTES = 255;
        /** Most UTF-8 bytes of the about line on the wire. */
        public static final int MAX_ABOUT_BYTES = 1024;
        /** Most bytes of the avatar image (the payload must fit one padded message). */
        public static final int MAX_AVATAR_BYTES = 48 * 1024;

        public Profile {
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(about, "about");
            Objects.requireNonNull(avatar, "avatar");
            if (version < 1) {
                throw new IllegalArgumentException("profile: version must be positive");
            }
            if (displayName.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw new IllegalArgumentException("profile: display name over " + MAX_NAME_BYTES + " UTF-8 bytes");
            }
            if (about.getBytes(StandardCharsets.UTF_8).length > MAX_ABOUT_BYTES) {
                throw new IllegalArgumentException("profile: about line over " + MAX_ABOUT_BYTES + " UTF-8 bytes");
            }
            if (avatar.length > MAX_AVATAR_BYTES) {
                throw new IllegalArgumentException("profile: avatar over " + MAX_AVATAR_BYTES + " bytes");
            }
            avatar = avatar.clone();
        }

        @Override
        public byte[] avatar() {
            return avatar.clone();
        }

        @Override
        public int typeCode() {
            return PayloadType.PROFILE.code();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Profile p && version == p.version && displayName.equals(p.displayName)
                    && about.equals(p.about) && java.util.Arrays.equals(avatar, p.avatar);
        }

        @Override
        public int hashCode() {
            return Objects.hash(version, displayName, about, java.util.Arrays.hashCode(avatar));
        }

        @Override
        public String toString() {
            return "Profile[version " + version + ", content hidden]";
        }
    }

    record Unknown(int typeCode) implements Payload {
    }

    /**
     * The sender's presence (issue #14), sent only to accepted contacts on an ephemeral frame: {@code online} when they
     * come online and periodically while online, not online when they go offline. {@code replyWanted} asks a receiver
     * that shares its own presence to answer with its current state (sent by someone who just came online). It carries
     * no timestamp: the receiver uses its own clock.
     */
    record Presence(boolean online, boolean replyWanted) implements Payload {
        @Override
        public int typeCode() {
            return PayloadType.PRESENCE.code();
        }
    }

    /**
     * Issue #17: the sender restored their profile from a backup, so their sessions and group sender keys are new;
     * sent once to each contact, on a new session. {@code id} names the receiver's system line (a resent copy adds no
     * second one); {@code restoredAtMillis} is the sender's clock.
     */
    record Restored(MessageId id, long restoredAtMillis) implements Payload {
        public Restored {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public int typeCode() {
            return PayloadType.RESTORED.code();
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

    /** A signed change of a group (issue #15, docs/protocol.md 1.15.2), sent pairwise to every member. */
    record GroupUpdate(dev.parley.crypto.group.GroupChange change) implements Payload {
        public GroupUpdate {
            Objects.requireNonNull(change, "change");
        }

        @Override
        public int typeCode() {
            return PayloadType.GROUP_CHANGE.code();
        }
    }

    /** The sender's sender key for a group (issue #15, 1.15.1), sent pairwise to each other member. Secret. */
    record SenderKey(dev.parley.crypto.group.SenderKeyDistribution distribution) implements Payload {
        public SenderKey {
            Objects.requireNonNull(distribution, "distribution");
        }

        @Override
        public int typeCode() {
            return PayloadType.SENDER_KEY.code();
        }
    }

    /** A group message encrypted once with the sender's sender key (issue #15, 1.15.1, 1.15.3). */
    record GroupMessage(dev.parley.crypto.group.SenderKeyMessage message) implements Payload {
        public GroupMessage {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public int typeCode() {
            return PayloadType.GROUP_MESSAGE.code();
        }
    }

    /**
     * Typing in a group's conversation (issue #15, 1.15.3), sent pairwise on ephemeral frames to each other member of a
     * group of at most 20 members.
     */
    record GroupTyping(dev.parley.crypto.group.GroupId group, boolean typing) implements Payload {
        public GroupTyping {
            Objects.requireNonNull(group, "group");
        }

        @Override
        public int typeCode() {
            return PayloadType.GROUP_TYPING.code();
        }
    }

    /**
     * A request to join a group with its invite link (issue #15, docs/protocol.md 1.15.5), sent pairwise to the admin
     * the link names: the group id and the proof that the sender knows the link's secret (never the secret itself).
     */
    record GroupJoinRequest(dev.parley.crypto.group.GroupId group, byte[] proof) implements Payload {
        public GroupJoinRequest {
            Objects.requireNonNull(group, "group");
            if (proof == null || proof.length != dev.parley.crypto.group.GroupInviteLink.PROOF_BYTES) {
                throw new IllegalArgumentException("join request: 32-byte proof expected");
            }
            proof = proof.clone();
        }

        @Override
        public byte[] proof() {
            return proof.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GroupJoinRequest r && group.equals(r.group) && java.util.Arrays.equals(proof, r.proof);
        }

        @Override
        public int hashCode() {
            return 31 * group.hashCode() + java.util.Arrays.hashCode(proof);
        }

        @Override
        public String toString() {
            return "GroupJoinRequest[" + group + "]";
        }

        @Override
        public int typeCode() {
            return PayloadType.GROUP_JOIN_REQUEST.code();
        }
    }

    private static List<MessageId> checkedIds(List<MessageId> ids) {
        List<MessageId> copy = List.copyOf(ids);
        if (copy.isEmpty() || copy.size() > MAX_RECEIPT_IDS) {
            throw new IllegalArgumentException("receipt: 1 to " + MAX_RECEIPT_IDS + " message ids expected");
        }
        return copy;
    }

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
