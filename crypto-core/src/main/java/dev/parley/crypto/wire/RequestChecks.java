package dev.parley.crypto.wire;

import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import java.util.List;

/** The field checks the {@link Request} records share: each throws an {@link IllegalArgumentException} naming it. */
final class RequestChecks {
    private RequestChecks() {
    }

    static void checkDeviceId(int deviceId) {
        if (deviceId < 1) {
            throw new IllegalArgumentException("deviceId: 1 or more expected");
        }
    }

    static void checkBytes(byte[] value, int length, String name) {
        if (value == null || value.length != length) {
            throw new IllegalArgumentException(name + ": " + length + " bytes expected");
        }
    }

    static void checkAttachmentId(byte[] attachmentId) {
        if (attachmentId == null || attachmentId.length != Request.ATTACHMENT_ID_BYTES) {
            throw new IllegalArgumentException("attachmentId: 16 bytes expected");
        }
    }

    static List<KemPreKeyPublic> checkKemPreKeys(List<KemPreKeyPublic> keys) {
        if (keys == null) {
            return List.of();
        }
        if (keys.size() > Request.MAX_KEM_PREKEYS_PER_FRAME) {
            throw new IllegalArgumentException("at most " + Request.MAX_KEM_PREKEYS_PER_FRAME
                    + " KEM prekeys per frame");
        }
        return List.copyOf(keys);
    }

    static List<OneTimePreKeyPublic> checkPreKeys(List<OneTimePreKeyPublic> keys) {
        if (keys == null) {
            return List.of();
        }
        if (keys.size() > Request.MAX_PREKEYS_PER_FRAME) {
            throw new IllegalArgumentException("at most " + Request.MAX_PREKEYS_PER_FRAME
                    + " one-time prekeys per frame");
        }
        return List.copyOf(keys);
    }
}
