package dev.parley.desktop.storage.h2;

import dev.parley.crypto.secret.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How H2 (2.x, {@code CIPHER=AES}) turns a database's file password into the AES key of its encrypted file, done
 * here with the JDK's HMAC so {@link EncryptedFileChannel} reads and writes exactly the files H2 does.
 *
 * <p>H2 takes the file password's characters as UTF-16 big-endian bytes (its {@code FilePathEncrypt.getPasswordBytes};
 * the round trip through {@code Store.decodePassword} keeps ASCII characters unchanged), then PBKDF2-HMAC-SHA256
 * with the file's 8-byte salt and 10 iterations gives a 16-byte key, used both as XTS's data key and its tweak key.
 * Parley's file password is the lower-case hex of the profile's 32-byte file key ({@link H2Storage}).
 */
final class H2FileKey {
    static final int SALT_BYTES = 8;
    static final int ITERATIONS = 10;
    static final int AES_KEY_BYTES = 16;

    private H2FileKey() {
    }

    /** The bytes H2 derives the AES key from: the file password's hex characters as UTF-16BE. Caller wipes. */
    static byte[] passwordBytes(SecretBytes fileKey) {
        char[] hex = H2StorageOpener.filePassword(fileKey);
        try {
            byte[] out = new byte[hex.length * 2];
            for (int i = 0; i < hex.length; i++) {
                out[2 * i] = (byte) (hex[i] >>> 8);
                out[2 * i + 1] = (byte) hex[i];
            }
            return out;
        } finally {
            Arrays.fill(hex, '\0');
        }
    }

    /** The file's cipher for {@code passwordBytes} (not wiped) and the salt read from the file's header. */
    static XtsAes cipher(byte[] passwordBytes, byte[] salt) {
        byte[] key = pbkdf2(passwordBytes, salt, ITERATIONS, AES_KEY_BYTES);
        try {
            return new XtsAes(key, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** PBKDF2-HMAC-SHA256 (RFC 8018), at most one 32-byte block of output. */
    static byte[] pbkdf2(byte[] password, byte[] salt, int iterations, int length) {
        if (length > 32) {
            throw new IllegalArgumentException("one block of output at most");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, "HmacSHA256"));
            mac.update(salt);
            mac.update(new byte[] {0, 0, 0, 1});
            byte[] u = mac.doFinal();
            byte[] t = u.clone();
            for (int i = 1; i < iterations; i++) {
                byte[] next = mac.doFinal(u);
                Arrays.fill(u, (byte) 0);
                u = next;
                for (int j = 0; j < t.length; j++) {
                    t[j] ^= u[j];
                }
            }
            Arrays.fill(u, (byte) 0);
            byte[] out = Arrays.copyOf(t, length);
            Arrays.fill(t, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    static final byte[] HEADER_MAGIC = "H2encrypt\n".getBytes(StandardCharsets.ISO_8859_1);
}
