package dev.parley.crypto.group;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.primitives.Ed25519;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one encoding of group states and changes (docs/protocol.md 1.15.2).
 * <pre>
 * state  = group id (16) || revision (i64, >= 1) || u8 n || UTF-8 title (n, 1..128) || u16 m || UTF-8 description
 *          (m, <= 1024) || timer seconds (u32) || u8 s (0 or 16) || invite secret (s) || u16 count (1..1000)
 *          || count * (u8 l || username (l, ASCII) || u8 role (0 member, 1 admin))
 *          [|| u8 flags (1..3; absent when 0, 1.15.5)]
 * change = 0x01 || u8 action (1..11) || u8 l || author (l) || u16 k || k * (u8 l || username) || u32 n || state (n)
 *          || signature (64)
 * snapshot = 0x01 || u8 l || author (l) || u8 r || requester (r) || change hash (32) || u32 n || state (n)
 *          || signature (64)
 * </pre>
 */
public final class GroupCodec {
    public static final byte CHANGE_VERSION = 0x01;
    public static final byte SNAPSHOT_VERSION = 0x01;

    private GroupCodec() {
    }

    public static byte[] encodeState(GroupState state) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(state.id().bytes());
        out.writeBytes(ByteBuffer.allocate(8).putLong(state.revision()).array());
        byte[] title = state.title().getBytes(StandardCharsets.UTF_8);
        out.write(title.length);
        out.writeBytes(title);
        byte[] description = state.description().getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(2).putShort((short) description.length).array());
        out.writeBytes(description);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) state.timerSeconds()).array());
        byte[] secret = state.inviteSecret();
        out.write(secret.length);
        out.writeBytes(secret);
        out.writeBytes(ByteBuffer.allocate(2).putShort((short) state.members().size()).array());
        for (GroupMember member : state.members()) {
            writeName(out, member.username());
            out.write(member.role().ordinal());
        }
        if (state.flags() != 0) {
            out.write(state.flags());
        }
        return out.toByteArray();
    }

    public static GroupState decodeState(byte[] bytes) throws InvalidMessageException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        GroupState state = readState(in);
        if (in.hasRemaining()) {
            throw new InvalidMessageException("group state: trailing bytes");
        }
        return state;
    }

    static byte[] unsignedChange(GroupAction action, String author, List<String> subjects, GroupState state) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(CHANGE_VERSION);
        out.write(action.ordinal() + 1);
        writeName(out, author);
        out.writeBytes(ByteBuffer.allocate(2).putShort((short) subjects.size()).array());
        subjects.forEach(s -> writeName(out, s));
        byte[] encoded = encodeState(state);
        out.writeBytes(ByteBuffer.allocate(4).putInt(encoded.length).array());
        out.writeBytes(encoded);
        return out.toByteArray();
    }

    public static byte[] encodeChange(GroupChange change) {
        byte[] unsigned = unsignedChange(change.action(), change.author(), change.subjects(), change.state());
        return ByteBuffer.allocate(unsigned.length + Ed25519.SIGNATURE_BYTES).put(unsigned).put(change.signature())
                .array();
    }

    public static GroupChange decodeChange(byte[] bytes) throws InvalidMessageException {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.get() != CHANGE_VERSION) {
                throw new InvalidMessageException("group change: unknown version");
            }
            int action = Byte.toUnsignedInt(in.get());
            if (action < 1 || action > GroupAction.values().length) {
                throw new InvalidMessageException("group change: unknown action");
            }
            String author = readName(in);
            int count = Short.toUnsignedInt(in.getShort());
            if (count > GroupState.MAX_MEMBERS) {
                throw new InvalidMessageException("group change: too many subjects");
            }
            List<String> subjects = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                subjects.add(readName(in));
            }
            int length = in.getInt();
            if (length < 0 || length > in.remaining() - Ed25519.SIGNATURE_BYTES) {
                throw new InvalidMessageException("group change: bad state length");
            }
            ByteBuffer stateBytes = in.slice(in.position(), length);
            in.position(in.position() + length);
            GroupState state = readState(stateBytes);
            if (stateBytes.hasRemaining()) {
                throw new InvalidMessageException("group change: trailing state bytes");
            }
            byte[] signature = new byte[Ed25519.SIGNATURE_BYTES];
            in.get(signature);
            if (in.hasRemaining()) {
                throw new InvalidMessageException("group change: trailing bytes");
            }
            return new GroupChange(GroupAction.values()[action - 1], author, subjects, state, signature);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new InvalidMessageException("group change: malformed");
        }
    }

    static byte[] unsignedSnapshot(String author, String requester, GroupState state, byte[] changeHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(SNAPSHOT_VERSION);
        writeName(out, author);
        writeName(out, requester);
        out.writeBytes(changeHash);
        byte[] encoded = encodeState(state);
        out.writeBytes(ByteBuffer.allocate(4).putInt(encoded.length).array());
        out.writeBytes(encoded);
        return out.toByteArray();
    }

    public static byte[] encodeSnapshot(GroupSnapshot snapshot) {
        byte[] unsigned = unsignedSnapshot(snapshot.author(), snapshot.requester(), snapshot.state(),
                snapshot.changeHash());
        return ByteBuffer.allocate(unsigned.length + Ed25519.SIGNATURE_BYTES).put(unsigned).put(snapshot.signature())
                .array();
    }

    public static GroupSnapshot decodeSnapshot(byte[] bytes) throws InvalidMessageException {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.get() != SNAPSHOT_VERSION) {
                throw new InvalidMessageException("group snapshot: unknown version");
            }
            String author = readName(in);
            String requester = readName(in);
            byte[] changeHash = new byte[GroupSnapshot.HASH_BYTES];
            in.get(changeHash);
            int length = in.getInt();
            if (length < 0 || length > in.remaining() - Ed25519.SIGNATURE_BYTES) {
                throw new InvalidMessageException("group snapshot: bad state length");
            }
            ByteBuffer stateBytes = in.slice(in.position(), length);
            in.position(in.position() + length);
            GroupState state = readState(stateBytes);
            if (stateBytes.hasRemaining()) {
                throw new InvalidMessageException("group snapshot: trailing state bytes");
            }
            byte[] signature = new byte[Ed25519.SIGNATURE_BYTES];
            in.get(signature);
            if (in.hasRemaining()) {
                throw new InvalidMessageException("group snapshot: trailing bytes");
            }
            return new GroupSnapshot(author, requester, state, changeHash, signature);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new InvalidMessageException("group snapshot: malformed");
        }
    }

    private static GroupState readState(ByteBuffer in) throws InvalidMessageException {
        try {
            byte[] id = new byte[GroupId.BYTES];
            in.get(id);
            long revision = in.getLong();
            byte[] title = new byte[Byte.toUnsignedInt(in.get())];
            in.get(title);
            int descriptionLength = Short.toUnsignedInt(in.getShort());
            if (descriptionLength > GroupState.MAX_DESCRIPTION_BYTES) {
                throw new InvalidMessageException("group state: description too long");
            }
            byte[] description = new byte[descriptionLength];
            in.get(description);
            long timer = Integer.toUnsignedLong(in.getInt());
            byte[] secret = new byte[Byte.toUnsignedInt(in.get())];
            in.get(secret);
            int count = Short.toUnsignedInt(in.getShort());
            if (count == 0 || count > GroupState.MAX_MEMBERS) {
                throw new InvalidMessageException("group state: 1 to " + GroupState.MAX_MEMBERS + " members");
            }
            List<GroupMember> members = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = readName(in);
                int role = Byte.toUnsignedInt(in.get());
                if (role > 1) {
                    throw new InvalidMessageException("group state: unknown role");
                }
                members.add(new GroupMember(name, GroupRole.values()[role]));
            }
            int flags = 0;
            if (in.hasRemaining()) {
                // one encoding only: the flags byte is present exactly when some flag is set
                flags = Byte.toUnsignedInt(in.get());
                if (flags == 0 || (flags & ~GroupState.KNOWN_FLAGS) != 0) {
                    throw new InvalidMessageException("group state: bad flags");
                }
            }
            return new GroupState(new GroupId(id), revision, utf8(title), utf8(description), timer, secret, members,
                    flags);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new InvalidMessageException("group state: malformed");
        }
    }

    private static void writeName(ByteArrayOutputStream out, String name) {
        byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
        out.write(ascii.length);
        out.writeBytes(ascii);
    }

    private static String readName(ByteBuffer in) {
        byte[] name = new byte[Byte.toUnsignedInt(in.get())];
        in.get(name);
        return new String(name, StandardCharsets.US_ASCII);
    }

    private static String utf8(byte[] bytes) throws InvalidMessageException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidMessageException("group state: text is not valid UTF-8");
        }
    }
}
