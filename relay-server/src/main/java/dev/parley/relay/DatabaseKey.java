package dev.parley.relay;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 32-byte key for the relay's H2 file encryption ({@code CIPHER=AES}), supplied by the embedding program (the
 * desktop derives one for its embedded relay); the command-line relay does not use one. Never printed.
 */
public final class DatabaseKey {
    private final byte[] key;

    private DatabaseKey(byte[] key) {
        this.key = key;
    }

    /** Copies {@code key}, which must be 32 bytes; the caller may wipe its own copy afterwards. */
    public static DatabaseKey of(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("a database key is 32 bytes");
        }
        return new DatabaseKey(key.clone());
    }

    /** H2's file password for this key (lower-case hex); the caller wipes the array after use. */
    public char[] filePassword() {
        return HexFormat.of().formatHex(key).toCharArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DatabaseKey that && java.security.MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "DatabaseKey[redacted]";
    }
}
