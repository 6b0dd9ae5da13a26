package dev.parley.crypto.payload;

import dev.parley.crypto.exceptions.InvalidMessageException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bodies of the {@link ProfilePayloads}, for {@link PayloadCodec}:
 * <pre>
 * PROFILE  = version (i64, positive) || u8 n || UTF-8 display name (n) || u16 m (at most 1024) || UTF-8 about (m)
 *            || avatar image bytes (rest, at most 48 KiB)
 * RESTORED = message id (16) || restoredAtMillis (i64)
 * </pre>
 */
final class ProfileBodies {
    private ProfileBodies() {
    }

    static byte[] profile(Payload.Profile profile) {
        byte[] name = profile.displayName().getBytes(StandardCharsets.UTF_8);
        byte[] about = profile.about().getBytes(StandardCharsets.UTF_8);
        byte[] avatar = profile.avatar();
        return ByteBuffer.allocate(8 + 1 + name.length + 2 + about.length + avatar.length).putLong(profile.version())
                .put((byte) name.length).put(name).putShort((short) about.length).put(about).put(avatar).array();
    }

    static Payload decodeProfile(ByteBuffer in) throws InvalidMessageException {
        long version = in.getLong();
        byte[] name = new byte[Byte.toUnsignedInt(in.get())];
        in.get(name);
        int aboutLength = Short.toUnsignedInt(in.getShort());
        if (aboutLength > Payload.Profile.MAX_ABOUT_BYTES) {
            throw new InvalidMessageException("payload: profile about line too long");
        }
        byte[] about = new byte[aboutLength];
        in.get(about);
        if (in.remaining() > Payload.Profile.MAX_AVATAR_BYTES) {
            throw new InvalidMessageException("payload: profile avatar too large");
        }
        byte[] avatar = PayloadCodec.rest(in);
        return new Payload.Profile(version, PayloadCodec.strictUtf8(name), PayloadCodec.strictUtf8(about), avatar);
    }

    static byte[] restored(Payload.Restored restored) {
        return ByteBuffer.allocate(MessageId.BYTES + 8).put(restored.id().bytes()).putLong(restored.restoredAtMillis())
                .array();
    }

    static Payload decodeRestored(ByteBuffer in) throws InvalidMessageException {
        MessageId id = PayloadCodec.readId(in);
        long restoredAt = in.getLong();
        PayloadCodec.requireEnd(in);
        return new Payload.Restored(id, restoredAt);
    }
}
