package dev.parley.crypto.attachment;

import dev.parley.crypto.kdf.Kdf;
import dev.parley.crypto.kdf.Label;
import dev.parley.crypto.primitives.CryptoProvider;
import java.security.MessageDigest;

/**
 * The capability to download a shared attachment (docs/protocol.md 1.11 and part 2, "Attachments"): whoever holds the
 * pointer holds the file key, and from it the read token
 * {@code token = HKDF-SHA256(salt = zero, ikm = key, info = LABEL(ATTACHMENT_READ_TOKEN), L = 32)}. The uploader gives
 * the relay only {@code SHA-256(token)}; a download presents the token itself. The token reveals nothing of the key
 * (HKDF is one-way), so the relay can check who may download without being able to decrypt.
 */
public final class AttachmentReadToken {
    public static final int BYTES = 32;

    private AttachmentReadToken() {
    }

    /** The read token of the file encrypted under {@code key} (32 bytes). */
    public static byte[] derive(CryptoProvider crypto, byte[] key) {
        if (key == null || key.length != AttachmentFormat.KEY_BYTES) {
            throw new IllegalArgumentException("attachment key: 32 bytes expected");
        }
        return new Kdf(crypto).derive(null, key, Label.ATTACHMENT_READ_TOKEN, new byte[0], BYTES);
    }

    /** What the relay keeps of a token: its SHA-256. */
    public static byte[] hash(byte[] token) {
        if (token == null || token.length != BYTES) {
            throw new IllegalArgumentException("read token: 32 bytes expected");
        }
        return Sha256.create().digest(token);
    }

    /** Whether {@code token} hashes to {@code tokenHash}, in constant time. */
    public static boolean matches(byte[] token, byte[] tokenHash) {
        if (token == null || token.length != BYTES || tokenHash == null || tokenHash.length != BYTES) {
            return false;
        }
        return MessageDigest.isEqual(hash(token), tokenHash);
    }
}
