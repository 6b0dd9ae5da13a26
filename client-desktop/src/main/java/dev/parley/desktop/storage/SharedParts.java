package dev.parley.desktop.storage;

import java.util.List;

/**
 * The rules of {@link OutboxStore#enqueueShared}, shared by its implementations: an entry's blob is its own part
 * followed by the part every entry of its message shares.
 */
public final class SharedParts {
    private SharedParts() {
    }

    /**
     * @throws IllegalArgumentException if the lists differ in length, or a part is empty, or an own part with the
     *                                  shared one exceeds {@link OutboxEntry#MAX_BLOB_BYTES}
     */
    public static void check(List<String> recipients, List<byte[]> ownParts, byte[] shared) {
        if (recipients.size() != ownParts.size()) {
            throw new IllegalArgumentException("one own part per recipient");
        }
        if (shared == null || shared.length == 0) {
            throw new IllegalArgumentException("the shared part must not be empty");
        }
        for (byte[] own : ownParts) {
            if (own == null || own.length == 0 || own.length > OutboxEntry.MAX_BLOB_BYTES - shared.length) {
                throw new IllegalArgumentException("outbox blob must be 1 to " + OutboxEntry.MAX_BLOB_BYTES + " bytes");
            }
        }
    }

    /** {@code own || shared}, or {@code own} alone when there is no shared part (null). */
    public static byte[] join(byte[] own, byte[] shared) {
        if (shared == null) {
            return own;
        }
        byte[] blob = java.util.Arrays.copyOf(own, own.length + shared.length);
        System.arraycopy(shared, 0, blob, own.length, shared.length);
        return blob;
    }
}
