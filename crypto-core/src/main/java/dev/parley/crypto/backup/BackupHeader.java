package dev.parley.crypto.backup;

import dev.parley.crypto.primitives.Argon2Params;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The plaintext header of a backup file (docs/protocol.md, Backups), {@value #BYTES} bytes, big-endian:
 * <pre>
 * magic "PARLEYBK" (8) | format version u16 | secret kind u8 | Argon2id memory KiB u32 | iterations u32
 *   | parallelism u32 | salt (16) | key check (16)
 * </pre>
 * The version is read before anything else, so a newer format is reported as such rather than as damage. The Argon2id
 * cost read from a file is bounded ({@link #MAX_MEMORY_KIB}, {@link #MAX_ITERATIONS}, {@link #MAX_PARALLELISM}), so a
 * crafted header cannot make a restore allocate without limit.
 */
public record BackupHeader(int version, BackupSecretKind kind, Argon2Params argon2, byte[] salt, byte[] keyCheck) {
    public static final byte[] MAGIC = "PARLEYBK".getBytes(StandardCharsets.US_ASCII);
    public static final int FORMAT_V1 = 1;
    public static final int SALT_BYTES = 16;
    public static final int KEY_CHECK_BYTES = 16;
    /** Bytes before the key check: what the stream key is bound to. */
    public static final int BOUND_BYTES = 8 + 2 + 1 + 12 + SALT_BYTES;
    public static final int BYTES = BOUND_BYTES + KEY_CHECK_BYTES;
    public static final int MAX_MEMORY_KIB = 1 << 20;
    public static final int MAX_ITERATIONS = 64;
    public static final int MAX_PARALLELISM = 16;

    public BackupHeader {
        if (salt.length != SALT_BYTES || keyCheck.length != KEY_CHECK_BYTES) {
            throw new IllegalArgumentException("salt and key check are 16 bytes");
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

    /** The header's bytes up to (without) the key check. */
    public byte[] boundBytes() {
        return Arrays.copyOf(encode(), BOUND_BYTES);
    }

    public byte[] encode() {
        return ByteBuffer.allocate(BYTES).put(MAGIC).putShort((short) version).put((byte) kind.code())
                .putInt(argon2.memoryKiB()).putInt(argon2.iterations()).putInt(argon2.parallelism())
                .put(salt).put(keyCheck).array();
    }

    /**
     * Reads exactly {@value #BYTES} bytes from {@code in}.
     *
     * @throws UnsupportedBackupVersionException a version other than {@link #FORMAT_V1}
     * @throws BackupFormatException             not a Parley backup, cut short, or unacceptable parameters
     */
    public static BackupHeader read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            byte[] magic = new byte[MAGIC.length];
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new BackupFormatException("this is not a Parley backup file");
            }
            int version = data.readUnsignedShort();
            if (version != FORMAT_V1) {
                throw new UnsupportedBackupVersionException("the backup was made in format version " + version
                        + " by a newer Parley; this Parley reads version " + FORMAT_V1 + " (update Parley to restore it)");
            }
            BackupSecretKind kind = BackupSecretKind.of(data.readUnsignedByte());
            int memory = data.readInt();
            int iterations = data.readInt();
            int parallelism = data.readInt();
            if (memory < 8 || memory > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS
                    || parallelism < 1 || parallelism > MAX_PARALLELISM || memory < 8 * parallelism) {
                throw new BackupFormatException("the backup header's key-derivation cost is out of range");
            }
            byte[] salt = new byte[SALT_BYTES];
            data.readFully(salt);
            byte[] check = new byte[KEY_CHECK_BYTES];
            data.readFully(check);
            return new BackupHeader(version, kind, new Argon2Params(memory, iterations, parallelism), salt, check);
        } catch (EOFException e) {
            throw new BackupFormatException("the backup file is too short to be a Parley backup", e);
        }
    }
}
