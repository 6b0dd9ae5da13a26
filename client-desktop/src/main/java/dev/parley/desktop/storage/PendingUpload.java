package dev.parley.desktop.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * An upload of a file (sent as it is) that the relay has reserved and that has not been announced yet: enough to
 * resume it after a crash with the same key and id.
 *
 * @param source     the file's absolute path
 * @param modifiedAt the file's last-modified time (epoch ms) when the upload began; a changed file starts over
 */
public record PendingUpload(String contact, String source, long size, long modifiedAt, byte[] attachmentId, byte[] key) {
    public PendingUpload {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(source, "source");
        if (attachmentId == null || attachmentId.length != 16 || key == null || key.length != 32) {
            throw new IllegalArgumentException("pending upload: 16-byte id and 32-byte key expected");
        }
        attachmentId = attachmentId.clone();
        key = key.clone();
    }

    @Override
    public byte[] attachmentId() {
        return attachmentId.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    /** Whether this records an upload of the same unchanged file. */
    public boolean sameFile(long otherSize, long otherModifiedAt) {
        return size == otherSize && modifiedAt == otherModifiedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PendingUpload p && contact.equals(p.contact) && source.equals(p.source) && size == p.size
                && modifiedAt == p.modifiedAt && Arrays.equals(attachmentId, p.attachmentId) && Arrays.equals(key, p.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contact, source);
    }

    @Override
    public String toString() {
        return "PendingUpload[" + size + " bytes]";
    }
}
