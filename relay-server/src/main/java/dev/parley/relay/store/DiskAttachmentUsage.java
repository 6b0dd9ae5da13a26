package dev.parley.relay.store;

import dev.parley.relay.store.AttachmentRefusedException.Reason;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * What each owner's attachments take on a {@link DiskAttachmentStore}'s disk (stored or reserved), by the keyed hash
 * of their username, and the per-account quota check. Not thread-safe: the store guards it with its own lock.
 */
final class DiskAttachmentUsage {
    private final Map<String, Long> bytes = new HashMap<>();

    /** Refuses {@code size} more bytes for {@code ownerKey} if they would take it over {@code quotaBytes}. */
    void checkQuota(byte[] ownerKey, long size, long quotaBytes) throws AttachmentRefusedException {
        long used = of(ownerKey);
        if (size > quotaBytes - used) {
            throw new AttachmentRefusedException(Reason.QUOTA_EXCEEDED, "this account's attachments would take more than "
                    + quotaBytes + " bytes on the relay (" + used + " used); wait for older ones to expire");
        }
    }

    /** The bytes {@code ownerKey}'s attachments take. */
    long of(byte[] ownerKey) {
        return bytes.getOrDefault(HexFormat.of().formatHex(ownerKey), 0L);
    }

    void add(byte[] ownerKey, long size) {
        bytes.merge(HexFormat.of().formatHex(ownerKey), size, Long::sum);
    }

    void remove(byte[] ownerKey, long size) {
        bytes.computeIfPresent(HexFormat.of().formatHex(ownerKey), (k, v) -> v - size <= 0 ? null : v - size);
    }
}
