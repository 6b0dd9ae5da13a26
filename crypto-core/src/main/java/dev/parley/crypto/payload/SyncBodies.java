package dev.parley.crypto.payload;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.identity.IdentityKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bodies of the payloads one account's devices send each other (issue #17, docs/protocol.md 1.7 and 1.18), for
 * {@link PayloadCodec}:
 * <pre>
 * SENT_TRANSCRIPT   = u8 L || recipient username (ASCII, L) || the original payload's whole encoding (rest)
 * CONVERSATION_SYNC = u8 flags (bit 0 muted, bit 1 archived, bit 2 group; the others 0)
 *                     || group ? group id (16) : u8 L || peer username (ASCII, L)
 * CONTACT_SYNC      = u8 change (1..7) || u8 L || username (ASCII, L) || identity key (32, ADDED and VERIFIED only)
 * </pre>
 */
final class SyncBodies {
    private static final int MUTED = 1;
    private static final int ARCHIVED = 2;
    private static final int GROUP = 4;

    private SyncBodies() {
    }

    static byte[] transcript(Payload.SentTranscript transcript) {
        byte[] name = ascii(transcript.recipient());
        byte[] original = PayloadCodec.encode(transcript.original());
        return ByteBuffer.allocate(1 + name.length + original.length).put((byte) name.length).put(name)
                .put(original).array();
    }

    /** SENT_TRANSCRIPT = u8 L || recipient (L) || original payload encoding (rest). */
    static Payload decodeTranscript(ByteBuffer in) throws InvalidMessageException {
        String recipient = username(in);
        byte[] rest = new byte[in.remaining()];
        in.get(rest);
        Payload original;
        try {
            original = PayloadCodec.decode(rest);
        } catch (UnsupportedVersionException e) {
            throw new InvalidMessageException("payload: transcript of an unknown payload version");
        }
        if (original instanceof Payload.SentTranscript || original instanceof Payload.Unknown) {
            throw new InvalidMessageException("payload: a transcript carries a known payload other than a transcript");
        }
        return new Payload.SentTranscript(recipient, original);
    }

    static byte[] conversation(Payload.ConversationSync sync) {
        int flags = (sync.muted() ? MUTED : 0) | (sync.archived() ? ARCHIVED : 0) | (sync.group() != null ? GROUP : 0);
        if (sync.group() != null) {
            return ByteBuffer.allocate(1 + GroupId.BYTES).put((byte) flags).put(sync.group().bytes()).array();
        }
        byte[] name = ascii(sync.peer());
        return ByteBuffer.allocate(2 + name.length).put((byte) flags).put((byte) name.length).put(name).array();
    }

    static Payload decodeConversation(ByteBuffer in) throws InvalidMessageException {
        int flags = Byte.toUnsignedInt(in.get());
        if ((flags & ~(MUTED | ARCHIVED | GROUP)) != 0) {
            throw new InvalidMessageException("payload: unknown conversation sync flags");
        }
        boolean muted = (flags & MUTED) != 0;
        boolean archived = (flags & ARCHIVED) != 0;
        Payload sync;
        if ((flags & GROUP) != 0) {
            byte[] group = new byte[GroupId.BYTES];
            in.get(group);
            sync = new Payload.ConversationSync(null, new GroupId(group), muted, archived);
        } else {
            sync = new Payload.ConversationSync(username(in), null, muted, archived);
        }
        requireEnd(in);
        return sync;
    }

    static byte[] contact(Payload.ContactSync sync) {
        byte[] name = ascii(sync.username());
        byte[] key = sync.identityKey();
        return ByteBuffer.allocate(2 + name.length + key.length).put((byte) sync.change().code())
                .put((byte) name.length).put(name).put(key).array();
    }

    static Payload decodeContact(ByteBuffer in) throws InvalidMessageException {
        Payload.ContactSync.Change change = Payload.ContactSync.Change.fromCode(Byte.toUnsignedInt(in.get()))
                .orElseThrow(() -> new InvalidMessageException("payload: unknown contact change"));
        String username = username(in);
        byte[] key = new byte[change.carriesKey() ? IdentityKey.BYTES : 0];
        in.get(key);
        requireEnd(in);
        return new Payload.ContactSync(change, username, key);
    }

    /** u8 L || username (ASCII, L), checked against the relay's username rule. */
    static String username(ByteBuffer in) throws InvalidMessageException {
        byte[] name = new byte[Byte.toUnsignedInt(in.get())];
        in.get(name);
        String username = new String(name, StandardCharsets.US_ASCII);
        if (!dev.parley.crypto.wire.Usernames.isValid(username)
                || !java.util.Arrays.equals(name, username.getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidMessageException("payload: not a username");
        }
        return username;
    }

    private static byte[] ascii(String username) {
        return username.getBytes(StandardCharsets.US_ASCII);
    }

    private static void requireEnd(ByteBuffer in) throws InvalidMessageException {
        if (in.hasRemaining()) {
            throw new InvalidMessageException("payload: unexpected bytes after body");
        }
    }
}
