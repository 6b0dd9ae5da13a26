package dev.parley.desktop.profile;

import dev.parley.crypto.primitives.Argon2Params;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The small plaintext file next to the database ({@code profile.json}): what is needed to turn the passphrase into
 * the database key, and nothing about the user. Version 1 fields: KDF name and Argon2id parameters, a random salt, a
 * key-check value (HKDF of the Argon2id output under its own label, so it reveals nothing about the database key) and
 * the database file's base name (it changes with every passphrase change, which makes the change atomic).
 */
record ProfileHeader(int format, Argon2Params argon2, byte[] salt, byte[] keyCheck, String database) {
    static final int FORMAT_V1 = 1;
    static final String KDF_ARGON2ID = "argon2id";
    static final int SALT_BYTES = 16;
    static final int KEY_CHECK_BYTES = 32;
    /** Bounds on parameters read from the (untrusted) file: enough for any sane cost, refusing absurd ones. */
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;
    private static final Pattern DATABASE_NAME = Pattern.compile("data-[1-9][0-9]{0,8}");

    ProfileHeader {
        Objects.requireNonNull(argon2, "argon2");
        if (format != FORMAT_V1) {
            throw new IllegalArgumentException("unsupported profile format " + format);
        }
        if (argon2.memoryKiB() > MAX_MEMORY_KIB || argon2.iterations() > MAX_ITERATIONS
                || argon2.parallelism() > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2 parameters out of range");
        }
        if (salt == null || salt.length != SALT_BYTES) {
            throw new IllegalArgumentException("salt must be " + SALT_BYTES + " bytes");
        }
        if (keyCheck == null || keyCheck.length != KEY_CHECK_BYTES) {
            throw new IllegalArgumentException("key check must be " + KEY_CHECK_BYTES + " bytes");
        }
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME);
        }
        salt = salt.clone();
        keyCheck = keyCheck.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] keyCheck() {
        return keyCheck.clone();
    }

    /** The generation number in the database name ({@code data-7} -> 7). */
    int generation() {
        return Integer.parseInt(database.substring("data-".length()));
    }

    static String databaseName(int generation) {
        return "data-" + generation;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfileHeader h && format == h.format && argon2.equals(h.argon2)
                && Arrays.equals(salt, h.salt) && Arrays.equals(keyCheck, h.keyCheck) && database.equals(h.database);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, argon2, Arrays.hashCode(salt), Arrays.hashCode(keyCheck), database);
    }

    @Override
    public String toString() {
        return "ProfileHeader[v" + format + ", " + argon2 + ", " + database + "]";
    }
}
