package dev.parley.crypto.backup;

import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.primitives.AuthenticationFailedException;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.SecretBox;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads the body of a backup written by {@link BackupWriter}, one chunk at a time (memory stays flat). A chunk is
 * final exactly when the file ends after it; it must then have been sealed as final, so a file cut at any point,
 * reordered chunks or a changed byte raise {@link BackupFormatException} at the chunk concerned, and no byte of a
 * chunk is returned before the chunk authenticated. Use {@link #open} with the header already read (to ask for the
 * right kind of secret in between).
 */
public final class BackupReader extends InputStream {
    private final InputStream in;
    private final CryptoProvider crypto;
    private final BackupKeys keys;
    private final byte[] sealed = new byte[BackupWriter.CIPHER_CHUNK_BYTES];
    private byte[] plain = new byte[0];
    private int position;
    private long index;
    private boolean finished;
    private int lookahead = -2;

    private BackupReader(InputStream in, CryptoProvider crypto, BackupKeys keys) {
        this.in = in;
        this.crypto = crypto;
        this.keys = keys;
    }

    /**
     * Checks {@code secret} against {@code header} and returns the body reader positioned after the header.
     *
     * @throws WrongBackupSecretException if the secret is wrong (nothing was decrypted)
     */
    public static BackupReader open(InputStream afterHeader, BackupHeader header, CryptoProvider crypto, byte[] secret)
            throws WrongBackupSecretException {
        Objects.requireNonNull(afterHeader, "afterHeader");
        BackupKeys keys = BackupKeys.derive(crypto, secret, header);
        try {
            keys.verify(header);
        } catch (WrongBackupSecretException e) {
            keys.close();
            throw e;
        }
        return new BackupReader(afterHeader, crypto, keys);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (length == 0) {
            return 0;
        }
        while (position == plain.length) {
            if (finished) {
                return -1;
            }
            nextChunk();
        }
        int n = Math.min(length, plain.length - position);
        System.arraycopy(plain, position, into, offset, n);
        position += n;
        return n;
    }

    /** True once the final chunk was read and authenticated (the whole backup is there). */
    public boolean complete() {
        return finished;
    }

    private void nextChunk() throws IOException {
        int n = 0;
        if (lookahead >= 0) {
            sealed[n++] = (byte) lookahead;
        }
        while (n < sealed.length) {
            int r = in.read(sealed, n, sealed.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        boolean last;
        if (n < sealed.length) {
            last = true;
        } else {
            lookahead = in.read();
            last = lookahead < 0;
        }
        if (n < SecretBox.MAC_BYTES) {
            throw new BackupFormatException("the backup file is truncated");
        }
        Arrays.fill(plain, (byte) 0);
        try {
            plain = crypto.secretBox().open(keys.streamKey(), AttachmentFormat.nonce(index, last),
                    Arrays.copyOf(sealed, n));
        } catch (AuthenticationFailedException e) {
            throw new BackupFormatException(last
                    ? "the backup file is truncated, damaged or was modified (at its end, chunk " + index + ")"
                    : "the backup file is damaged or was modified (chunk " + index + ")");
        }
        position = 0;
        index++;
        if (last) {
            finished = true;
            keys.close();
        }
    }

    @Override
    public void close() throws IOException {
        Arrays.fill(plain, (byte) 0);
        keys.close();
        in.close();
    }
}
