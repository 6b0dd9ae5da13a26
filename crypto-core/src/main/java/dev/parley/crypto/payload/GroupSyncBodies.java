package dev.parley.crypto.payload;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.group.GroupCodec;
import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.SenderKeyDistribution;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies of the group payloads one account's devices send each other (issue #17, docs/protocol.md 1.7 and 1.18),
 * for {@link PayloadCodec}:
 * <pre>
 * GROUP_TRANSCRIPT = group id (16) || the original payload's whole encoding (rest)
 * GROUP_READ_SYNC  = group id (16) || u16 count (1..1000) || count * message id (16)
 * GROUP_SYNC       = u8 flags (bit 0 active; the others 0) || change hash (32) || group state (rest, GroupCodec)
 * SENDER_KEY_SYNC  = u8 L || sender username (ASCII, L) || u32 sender device (>= 1) || SenderKeyDistribution (rest)
 * </pre>
 */
final class GroupSyncBodies {
    private static final int ACTIVE = 1;

    private GroupSyncBodies() {
    }

    static byte[] transcript(GroupTranscript transcript) {
        byte[] original = PayloadCodec.encode(transcript.original());
        return ByteBuffer.allocate(GroupId.BYTES + original.length).put(transcript.group().bytes()).put(original).array();
    }

    static Payload decodeTranscript(ByteBuffer in) throws InvalidMessageException {
        GroupId group = group(in);
        byte[] rest = rest(in);
        Payload original;
        try {
            original = PayloadCodec.decode(rest);
        } catch (UnsupportedVersionException e) {
            throw new InvalidMessageException("payload: group transcript of an unknown payload version");
        }
        if (!GroupTranscript.carries(original)) {
            throw new InvalidMessageException("payload: a group transcript carries a kind that travels in groups");
        }
        return new GroupTranscript(group, original);
    }

    static byte[] readSync(GroupReadSync sync) {
        ByteBuffer out = ByteBuffer.allocate(GroupId.BYTES + 2 + sync.ids().size() * MessageId.BYTES)
                .put(sync.group().bytes()).putShort((short) sync.ids().size());
        sync.ids().forEach(id -> out.put(id.bytes()));
        return out.array();
    }

    static Payload decodeReadSync(ByteBuffer in) throws InvalidMessageException {
        GroupId group = group(in);
        int count = Short.toUnsignedInt(in.getShort());
        if (count == 0 || count > Payload.MAX_RECEIPT_IDS || in.remaining() != count * MessageId.BYTES) {
            throw new InvalidMessageException("payload: bad group read sync id count");
        }
        List<MessageId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] id = new byte[MessageId.BYTES];
            in.get(id);
            ids.add(new MessageId(id));
        }
        return new GroupReadSync(group, ids);
    }

    static byte[] groupSync(GroupSync sync) {
        byte[] state = GroupCodec.encodeState(sync.state());
        return ByteBuffer.allocate(1 + GroupSync.HASH_BYTES + state.length).put((byte) (sync.active() ? ACTIVE : 0))
                .put(sync.changeHash()).put(state).array();
    }

    static Payload decodeGroupSync(ByteBuffer in) throws InvalidMessageException {
        int flags = Byte.toUnsignedInt(in.get());
        if ((flags & ~ACTIVE) != 0) {
            throw new InvalidMessageException("payload: unknown group sync flags");
        }
        byte[] hash = new byte[GroupSync.HASH_BYTES];
        in.get(hash);
        return new GroupSync(GroupCodec.decodeState(rest(in)), hash, (flags & ACTIVE) != 0);
    }

    static byte[] senderKeySync(SenderKeySync sync) {
        byte[] name = sync.sender().getBytes(StandardCharsets.US_ASCII);
        byte[] distribution = sync.distribution().serialize();
        return ByteBuffer.allocate(1 + name.length + 4 + distribution.length).put((byte) name.length).put(name)
                .putInt(sync.senderDevice()).put(distribution).array();
    }

    static Payload decodeSenderKeySync(ByteBuffer in) throws InvalidMessageException {
        String sender = SyncBodies.username(in);
        int device = in.getInt();
        if (device < 1) {
            throw new InvalidMessageException("payload: sender device out of range");
        }
        try {
            return new SenderKeySync(sender, device, SenderKeyDistribution.deserialize(rest(in)));
        } catch (UnsupportedVersionException e) {
            throw new InvalidMessageException("payload: sender key of an unknown version");
        }
    }

    private static GroupId group(ByteBuffer in) {
        byte[] group = new byte[GroupId.BYTES];
        in.get(group);
        return new GroupId(group);
    }

    private static byte[] rest(ByteBuffer in) {
        byte[] bytes = new byte[in.remaining()];
        in.get(bytes);
        return bytes;
    }
}
