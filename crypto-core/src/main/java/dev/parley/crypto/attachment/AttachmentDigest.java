package dev.parley.crypto.attachment;

import dev.parley.crypto.primitives.ConstantTime;
import java.security.MessageDigest;

/**
 * The SHA-256 digest of an attachment's ciphertext, computed as chunks pass by: a downloader checks what it received
 * against the pointer's digest before it keeps the file.
 */
public final class AttachmentDigest {
    private final MessageDigest sha256 = Sha256.create();

    public AttachmentDigest update(byte[] chunk) {
        sha256.update(chunk);
        return this;
    }

    /** Adds {@code length} bytes of {@code bytes} from {@code offset} (a chunk in a reused buffer). */
    public AttachmentDigest update(byte[] bytes, int offset, int length) {
        sha256.update(bytes, offset, length);
        return this;
    }

    /** Whether everything passed so far hashes to {@code expected} (constant time); ends this digest. */
    public boolean matches(byte[] expected) {
        return expected != null && ConstantTime.equals(sha256.digest(), expected);
    }
}
