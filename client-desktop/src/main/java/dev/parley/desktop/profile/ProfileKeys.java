package dev.parley.desktop.profile;

import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.ConstantTime;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keys derived from a passphrase: {@code master = Argon2id(UTF-8(passphrase), salt, params, 32)}, then two
 * independent HKDF-SHA-256 outputs of the master (salt = the header salt), each under its own label: the key-check
 * value stored in the header, and the database file key. Knowing the check value tells nothing about the file key.
 */
final class ProfileKeys implements AutoCloseable {
    static final byte[] KEY_CHECK_LABEL = "parley/profile/v1/key-check".getBytes(StandardCharsets.US_ASCII);
    static final byte[] DATABASE_KEY_LABEL = "parley/profile/v1/database-key".getBytes(StandardCharsets.US_ASCII);
    static final int MAX_PASSPHRASE_CHARS = 1024;

    private final byte[] keyCheck;
    private final SecretBytes databaseKey;

    private ProfileKeys(byte[] keyCheck, SecretBytes databaseKey) {
        this.keyCheck = keyCheck;
        this.databaseKey = databaseKey;
    }

    static ProfileKeys derive(CryptoProvider crypto, char[] passphrase, byte[] salt, Argon2Params params) {
        byte[] password = utf8(passphrase);
        byte[] master = null;
        try (SecretBytes argon = crypto.argon2id().argon2id(password, salt, params, 32)) {
            master = argon.bytes();
            byte[] check = crypto.hkdf().deriveSha256(salt, master, KEY_CHECK_LABEL, ProfileHeader.KEY_CHECK_BYTES);
            SecretBytes dbKey = SecretBytes.wrap(crypto.hkdf().deriveSha256(salt, master, DATABASE_KEY_LABEL, 32));
            return new ProfileKeys(check, dbKey);
        } finally {
            SecretBytes.wipe(password);
            SecretBytes.wipe(master);
        }
    }

    /** Checks a passphrase: non-empty, at most 1024 characters, valid UTF-16 (no lone surrogates). */
    static void checkPassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length == 0 || passphrase.length > MAX_PASSPHRASE_CHARS) {
            throw new IllegalArgumentException("a passphrase is 1 to " + MAX_PASSPHRASE_CHARS + " characters");
        }
        SecretBytes.wipe(utf8(passphrase));
    }

    private static byte[] utf8(char[] passphrase) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(passphrase));
            byte[] out = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
            Arrays.fill(encoded.array(), (byte) 0);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the passphrase is not valid text", e);
        }
    }

    byte[] keyCheck() {
        return keyCheck.clone();
    }

    boolean matches(byte[] expectedKeyCheck) {
        return ConstantTime.equals(keyCheck, expectedKeyCheck);
    }

    /** The database file key; owned by this object (destroyed by {@link #close()}). */
    SecretBytes databaseKey() {
        return databaseKey;
    }

    @Override
    public void close() {
        databaseKey.destroy();
    }
}
