package dev.parley.desktop.storage.h2;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2 file-system scheme {@value #SCHEME}: files in H2's {@code CIPHER=AES} format ({@link EncryptedFileChannel}),
 * keyed by {@link FileKeyRing} instead of by a password in the URL. A database URL of the form
 * {@code jdbc:h2:parleyaes:/path/name} opens the same files {@code jdbc:h2:file:/path/name;CIPHER=AES} does with the
 * same file password. A file no lease holds a key for cannot be opened (nothing is ever read or written in plain).
 */
public final class EncryptedFilePath extends FilePathWrapper {
    static final String SCHEME = "parleyaes";

    private static final class Registration {
        static {
            FilePath.register(new EncryptedFilePath());
        }

        static void ensure() {
            // the static initialiser registered the scheme once
        }
    }

    /** Registers the scheme with H2 (idempotent); done before any URL with the scheme is used. */
    static void register() {
        Registration.ensure();
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        String file = getBase().toString();
        byte[] password = FileKeyRing.passwordBytesFor(file);
        if (password == null) {
            throw new IOException("no key is held for this database file");
        }
        FileChannel channel;
        try {
            channel = getBase().open(mode);
        } catch (IOException | RuntimeException e) {
            java.util.Arrays.fill(password, (byte) 0);
            throw e;
        }
        return new EncryptedFileChannel(name, password, channel);
    }

    @Override
    public long size() {
        long content = Math.max(0, getBase().size() - EncryptedFileChannel.HEADER_LENGTH);
        if ((content & (EncryptedFileChannel.BLOCK_SIZE - 1)) != 0) {
            content -= EncryptedFileChannel.BLOCK_SIZE;
        }
        return content;
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        return newFileChannelOutputStream(open("rw"), append);
    }

    @Override
    public InputStream newInputStream() throws IOException {
        return Channels.newInputStream(open("r"));
    }
}
