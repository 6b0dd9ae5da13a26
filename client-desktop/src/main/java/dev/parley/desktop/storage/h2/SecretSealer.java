package dev.parley.desktop.storage.h2;

import dev.parley.crypto.primitives.AuthenticationFailedException;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.SecretBox;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.TamperedSecretException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The authenticated layer over H2's unauthenticated file cipher for the {@code secrets} table (all protocol state):
 * <pre>
 * sealKey = HKDF-SHA-256(salt = none, ikm = file key, info = "parley/profile/v1/secret-seal-key", L = 32)
 * rowKey  = HKDF-SHA-256(salt = none, ikm = sealKey,
 *                        info = "parley/profile/v1/secret-row" || u16 len(namespace) || namespace
 *                               || key (UTF-8), L = 32)
 * stored  = version (u8 = 1) || nonce (24, random) || XSalsa20-Poly1305(rowKey, nonce, value)
 * </pre>
 * The row's namespace and key are bound through the row key (they are the associated data), so a changed byte, a
 * row moved under another key, or a row copied from another profile fails to open. Rolling a row back to an older
 * value it had under the same key, or deleting it, is not detected (see docs/threat-model.md).
 */
final class SecretSealer implements AutoCloseable {
    static final byte VERSION = 1;
    static final int OVERHEAD = 1 + SecretBox.NONCE_BYTES + SecretBox.MAC_BYTES;
    private static final byte[] SEAL_KEY_LABEL =
            "parley/profile/v1/secret-seal-key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ROW_LABEL = "parley/profile/v1/secret-row".getBytes(StandardCharsets.US_ASCII);

    private final CryptoProvider crypto;
    private final SecretBytes sealKey;

    private SecretSealer(CryptoProvider crypto, SecretBytes sealKey) {
        this.crypto = crypto;
        this.sealKey = sealKey;
    }

    /** The sealer of the database encrypted under {@code fileKey}; the caller keeps ownership of the file key. */
    static SecretSealer forFileKey(CryptoProvider crypto, SecretBytes fileKey) {
        byte[] ikm = fileKey.bytes();
        try {
            byte[] sealKey = crypto.hkdf().deriveSha256(null, ikm, SEAL_KEY_LABEL, SecretBox.KEY_BYTES);
            return new SecretSealer(crypto, SecretBytes.wrap(sealKey));
        } finally {
            SecretBytes.wipe(ikm);
        }
    }

    byte[] seal(SecretNamespace namespace, String key, byte[] value) {
        byte[] nonce = crypto.random().bytes(SecretBox.NONCE_BYTES);
        byte[] boxed;
        try (SecretBytes rowKey = rowKey(namespace, key)) {
            boxed = crypto.secretBox().seal(rowKey, nonce, value);
        }
        return ByteBuffer.allocate(1 + nonce.length + boxed.length).put(VERSION).put(nonce).put(boxed).array();
    }

    /** @throws TamperedSecretException if the stored bytes are not a value sealed for this namespace and key */
    byte[] open(SecretNamespace namespace, String key, byte[] stored) throws TamperedSecretException {
        if (stored.length < OVERHEAD || stored[0] != VERSION) {
            throw new TamperedSecretException("a protocol-state row is not sealed; the database was modified");
        }
        byte[] nonce = Arrays.copyOfRange(stored, 1, 1 + SecretBox.NONCE_BYTES);
        byte[] boxed = Arrays.copyOfRange(stored, 1 + SecretBox.NONCE_BYTES, stored.length);
        try (SecretBytes rowKey = rowKey(namespace, key)) {
            return crypto.secretBox().open(rowKey, nonce, boxed);
        } catch (AuthenticationFailedException e) {
            throw new TamperedSecretException("a protocol-state row failed its authentication check; "
                    + "the database was modified outside Parley");
        }
    }

    private SecretBytes rowKey(SecretNamespace namespace, String key) {
        byte[] ns = namespace.name().getBytes(StandardCharsets.UTF_8);
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] info = ByteBuffer.allocate(ROW_LABEL.length + 2 + ns.length + k.length).put(ROW_LABEL)
                .putShort((short) ns.length).put(ns).put(k).array();
        byte[] ikm = sealKey.bytes();
        try {
            return SecretBytes.wrap(crypto.hkdf().deriveSha256(null, ikm, info, SecretBox.KEY_BYTES));
        } finally {
            SecretBytes.wipe(ikm);
        }
    }

    @Override
    public void close() {
        sealKey.destroy();
    }
}
