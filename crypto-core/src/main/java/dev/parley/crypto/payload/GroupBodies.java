package dev.parley.crypto.payload;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.group.GroupCodec;
import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.GroupInviteLink;
import dev.parley.crypto.group.SenderKeyDistribution;
import dev.parley.crypto.group.SenderKeyMessage;
import java.nio.ByteBuffer;

/**
 * The bodies of the {@link GroupPayloads} and of the state resynchronisation payloads, for {@link PayloadCodec}
 * (docs/protocol.md 1.15):
 * <pre>
 * GROUP_CHANGE        = a signed group change ({@link GroupCodec})
 * SENDER_KEY          = a {@link SenderKeyDistribution}
 * GROUP_MESSAGE       = a {@link SenderKeyMessage}
 * GROUP_TYPING        = group id (16) || u8 typing (0 or 1)
 * GROUP_JOIN_REQUEST  = group id (16) || proof (32) (1.15.5)
 * GROUP_STATE_REQUEST = group id (16) || revision (i64 >= 1)
 * GROUP_STATE         = a signed group snapshot (1.15.2)
 * </pre>
 */
final class GroupBodies {
    private GroupBodies() {
    }

    static byte[] typing(Payload.GroupTyping typing) {
        return ByteBuffer.allocate(GroupId.BYTES + 1).put(typing.group().bytes())
                .put((byte) (typing.typing() ? 1 : 0)).array();
    }

    static Payload decodeTyping(ByteBuffer in) throws InvalidMessageException {
        GroupId group = group(in);
        int typing = Byte.toUnsignedInt(in.get());
        PayloadCodec.requireEnd(in);
        if (typing > 1) {
            throw new InvalidMessageException("payload: bad group typing flag");
        }
        return new Payload.GroupTyping(group, typing == 1);
    }

    static byte[] joinRequest(Payload.GroupJoinRequest join) {
        return ByteBuffer.allocate(GroupId.BYTES + join.proof().length).put(join.group().bytes()).put(join.proof())
                .array();
    }

    static Payload decodeJoinRequest(ByteBuffer in) throws InvalidMessageException {
        GroupId group = group(in);
        byte[] proof = new byte[GroupInviteLink.PROOF_BYTES];
        in.get(proof);
        PayloadCodec.requireEnd(in);
        return new Payload.GroupJoinRequest(group, proof);
    }

    static byte[] stateRequest(GroupStateRequest request) {
        return ByteBuffer.allocate(GroupId.BYTES + 8).put(request.group().bytes()).putLong(request.revision()).array();
    }

    static Payload decodeStateRequest(ByteBuffer in) throws InvalidMessageException {
        GroupId group = group(in);
        long revision = in.getLong();
        PayloadCodec.requireEnd(in);
        if (revision < 1) {
            throw new InvalidMessageException("payload: state request revision out of range");
        }
        return new GroupStateRequest(group, revision);
    }

    static Payload decodeUpdate(ByteBuffer in) throws InvalidMessageException {
        return new Payload.GroupUpdate(GroupCodec.decodeChange(PayloadCodec.rest(in)));
    }

    static Payload decodeSenderKey(ByteBuffer in) throws InvalidMessageException {
        return new Payload.SenderKey(groupPart(() -> SenderKeyDistribution.deserialize(PayloadCodec.rest(in))));
    }

    static Payload decodeMessage(ByteBuffer in) throws InvalidMessageException {
        return new Payload.GroupMessage(groupPart(() -> SenderKeyMessage.deserialize(PayloadCodec.rest(in))));
    }

    static Payload decodeStateAnswer(ByteBuffer in) throws InvalidMessageException {
        return new GroupStateAnswer(GroupCodec.decodeSnapshot(PayloadCodec.rest(in)));
    }

    private static GroupId group(ByteBuffer in) {
        byte[] group = new byte[GroupId.BYTES];
        in.get(group);
        return new GroupId(group);
    }

    /** A group part whose own version is unknown is, inside a payload, simply undecodable. */
    private interface GroupPart<T> {
        T read() throws InvalidMessageException, UnsupportedVersionException;
    }

    private static <T> T groupPart(GroupPart<T> part) throws InvalidMessageException {
        try {
            return part.read();
        } catch (UnsupportedVersionException e) {
            throw new InvalidMessageException("payload: unknown group format version");
        }
    }
}
