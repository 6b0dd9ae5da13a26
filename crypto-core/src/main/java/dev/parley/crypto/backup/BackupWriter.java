package dev.parley.crypto.backup;

import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.SecretBox;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes a backup file: the {@link BackupHeader}, then the body cut into {@value #PLAIN_CHUNK_BYTES}-byte chunks,
 * chunk {@code i} sealed with XSalsa20-Poly1305 under the file's stream key and the nonce of Parley's file chunks
 * ({@link AttachmentFormat#nonce}: the index and a final flag). Only the last chunk (possibly empty) carries the final
 * flag, so a file cut at a chunk boundary, chunks swapped or dropped, or any changed byte fails to open. One chunk is
 * buffered: memory does not grow with the backup. {@link #close()} seals the final chunk and closes the target.
 */
public final class BackupWriter extends OutputStream {
    /** Plaintext bytes in every chunk but the last. */
    public static final int PLAIN_CHUNK_BYTES = 64 * 1024;
    /** Ciphertext bytes in every chunk but the last. */
    public static final int CIPHER_CHUNK_BYTES = PLAIN_CHUNK_BYTES + SecretBox.MAC_BYTES;

    private final OutputStream out;
    private final CryptoProvider crypto;
    private final BackupKeys keys;
    private final byte[] buffer = new byte[PLAIN_CHUNK_BYTES];
    private int filled;
    private long index;
    private boolean closed;

    private BackupWriter(OutputStream out, CryptoProvider crypto, BackupKeys keys) {
        this.out = out;
        this.crypto = crypto;
        this.keys = keys;
    }

    /**
     * Writes the header (fresh random salt) to {@code out} and returns the stream for the body.
     *
     * @param secret the UTF-8 passphrase or the ASCII digits of a recovery code; the caller wipes it
     */
    public static BackupWriter start(OutputStream out, CryptoProvider crypto, byte[] secret, BackupSecretKind kind,
                                     Argon2Params argon2) throws IOException {
        Objects.requireNonNull(out, "out");
        byte[] salt = crypto.random().bytes(BackupHeader.SALT_BYTES);
        BackupHeader unchecked = new BackupHeader(BackupHeader.FORMAT_V1, kind, argon2, salt,
                new byte[BackupHeader.KEY_CHECK_BYTES]);
        BackupKeys keys = BackupKeys.derive(crypto, secret, unchecked);
        try {
            BackupHeader header = new BackupHeader(BackupHeader.FORMAT_V1, kind, argon2, salt, keys.keyCheck());
            out.write(header.encode());
            return new BackupWriter(out, crypto, keys);
        } catch (IOException | RuntimeException e) {
            keys.close();
            throw e;
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (closed) {
            throw new IOException("the backup is already closed");
        }
        while (length > 0) {
            if (filled == PLAIN_CHUNK_BYTES) {
                // More follows: the full chunk is not the last one.
                seal(false);
            }
            int n = Math.min(length, PLAIN_CHUNK_BYTES - filled);
            System.arraycopy(data, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    private void seal(boolean last) throws IOException {
        byte[] plain = Arrays.copyOf(buffer, filled);
        byte[] sealed = crypto.secretBox().seal(keys.streamKey(), AttachmentFormat.nonce(index, last), plain);
        Arrays.fill(plain, (byte) 0);
        out.write(sealed);
        index++;
        filled = 0;
    }

    /** Chunks sealed so far. */
    public long chunks() {
        return index;
    }

    /** Seals the final chunk, wipes the buffer and the key, and closes the target. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            seal(true);
            out.flush();
        } finally {
            Arrays.fill(buffer, (byte) 0);
            keys.close();
            out.close();
        }
    }
}
