package dev.parley.crypto.payload;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The payloads about the sender themself: their profile card and the news that they restored from a backup.
 *
 * <p>Only {@link Payload} extends this interface, and only to give each record its name {@code Payload.X}:
 * write {@code Payload.Profile}, never {@code ProfilePayloads.Profile}.
 */
public interface ProfilePayloads {
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
}
