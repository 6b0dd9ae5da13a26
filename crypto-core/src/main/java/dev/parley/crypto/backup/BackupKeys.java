package dev.parley.crypto.backup;

import dev.parley.crypto.primitives.ConstantTime;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The keys of one backup file (docs/protocol.md, Backups):
 * <pre>
 * master    = Argon2id(secret, header salt, header cost, 32)
 * keyCheck  = HKDF-SHA-256(salt = header salt, ikm = master, info = "parley/backup/v1/key-check", 16)
 * streamKey = HKDF-SHA-256(salt = header salt, ikm = master,
 *                          info = "parley/backup/v1/stream-key" || header bytes before the key check, 32)
 * </pre>
 * The key check lets a restore refuse a wrong secret before it decrypts or writes anything; the stream key is bound
 * to every other header field, so a modified header fails the first chunk.
 */
public final class BackupKeys implements AutoCloseable {
    static final byte[] KEY_CHECK_LABEL = "parley/backup/v1/key-check".getBytes(StandardCharsets.US_ASCII);
    static final byte[] STREAM_KEY_LABEL = "parley/backup/v1/stream-key".getBytes(StandardCharsets.US_ASCII);

    private final byte[] keyCheck;
    private final SecretBytes streamKey;

    private BackupKeys(byte[] keyCheck, SecretBytes streamKey) {
        this.keyCheck = keyCheck;
        this.streamKey = streamKey;
    }

    /**
     * Derives the keys for {@code header}'s salt, cost and fields (its key check is ignored here).
     *
     * @param secret the UTF-8 passphrase or the 30 ASCII digits of a recovery code; the caller wipes it
     */
    public static BackupKeys derive(CryptoProvider crypto, byte[] secret, BackupHeader header) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("the backup secret is empty");
        }
        byte[] salt = header.salt();
        byte[] master = null;
        try (SecretBytes argon = crypto.argon2id().argon2id(secret, salt, header.argon2(), 32)) {
            master = argon.bytes();
            byte[] check = crypto.hkdf().deriveSha256(salt, master, KEY_CHECK_LABEL, BackupHeader.KEY_CHECK_BYTES);
            byte[] bound = header.boundBytes();
            byte[] info = ByteBuffer.allocate(STREAM_KEY_LABEL.length + bound.length).put(STREAM_KEY_LABEL).put(bound)
                    .array();
            return new BackupKeys(check, SecretBytes.wrap(crypto.hkdf().deriveSha256(salt, master, info, 32)));
        } finally {
            SecretBytes.wipe(master);
        }
    }

    /**
     * The secret bytes of a passphrase: its UTF-8 encoding. The caller wipes the result.
     *
     * @throws IllegalArgumentException if the passphrase is empty or not valid text (a lone surrogate)
     */
    public static byte[] passphraseSecret(char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("the backup passphrase is empty");
        }
        try {
            java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .encode(java.nio.CharBuffer.wrap(passphrase));
            byte[] out = java.util.Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
            java.util.Arrays.fill(encoded.array(), (byte) 0);
            return out;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("the backup passphrase is not valid text", e);
        }
    }

    public byte[] keyCheck() {
        return keyCheck.clone();
    }

    /** @throws WrongBackupSecretException if these keys are not the ones {@code header} was written with */
    public void verify(BackupHeader header) throws WrongBackupSecretException {
        if (!ConstantTime.equals(keyCheck, header.keyCheck())) {
            throw new WrongBackupSecretException("wrong backup passphrase or recovery code");
        }
    }

    /** The chunk key; owned by this object. */
    SecretBytes streamKey() {
        return streamKey;
    }

    @Override
    public void close() {
        streamKey.destroy();
    }
}
