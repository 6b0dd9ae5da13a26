package dev.parley.desktop.storage.h2;

import dev.parley.crypto.secret.SecretBytes;
import dev.parley.desktop.storage.h2.DatabaseOpenException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Tells a wrong file key from a damaged file before H2 sees the file: XTS does not authenticate, so the check is that
 * one of MVStore's two store headers (the first two 4 KiB blocks of the content, each starting {@code "H:2,"})
 * decrypts. H2 does the same check itself with {@code CIPHER=AES} (error 90049); through {@link EncryptedFilePath}
 * it cannot know the file is encrypted, so it would report any garbage as a damaged file.
 */
final class FileKeyCheck {
    private static final byte[] STORE_HEADER = "H:2,".getBytes(StandardCharsets.ISO_8859_1);
    private static final int BLOCK = EncryptedFileChannel.BLOCK_SIZE;

    private FileKeyCheck() {
    }

    /**
     * @throws DatabaseOpenException CORRUPT if the file is shorter than its encryption header or has no H2 marker,
     *                               WRONG_KEY if neither store header decrypts under {@code fileKey}
     */
    static void verify(DatabaseFiles files, SecretBytes fileKey) throws DatabaseOpenException {
        try (FileChannel file = FileChannel.open(files.dataFile(), StandardOpenOption.READ)) {
            byte[] salt = new byte[H2FileKey.SALT_BYTES];
            EncryptedFileChannel.readHeader(file, salt);
            long content = file.size() - EncryptedFileChannel.HEADER_LENGTH;
            int blocks = (int) Math.min(2, content / BLOCK);
            if (blocks == 0) {
                throw new DatabaseOpenException(Reason.CORRUPT, "the database file is truncated");
            }
            byte[] password = H2FileKey.passwordBytes(fileKey);
            try (XtsAes xts = H2FileKey.cipher(password, salt)) {
                byte[] block = new byte[BLOCK];
                for (int unit = 0; unit < blocks; unit++) {
                    ByteBuffer buffer = ByteBuffer.wrap(block);
                    while (buffer.hasRemaining()) {
                        if (file.read(buffer, EncryptedFileChannel.HEADER_LENGTH + (long) unit * BLOCK
                                + buffer.position()) < 0) {
                            throw new java.io.EOFException("the database file ends early");
                        }
                    }
                    xts.decrypt(unit, block, 0, BLOCK);
                    boolean header = Arrays.equals(block, 0, STORE_HEADER.length, STORE_HEADER, 0,
                            STORE_HEADER.length);
                    Arrays.fill(block, (byte) 0);
                    if (header) {
                        return;
                    }
                }
            } finally {
                Arrays.fill(password, (byte) 0);
            }
            throw new DatabaseOpenException(Reason.WRONG_KEY, "the key does not decrypt the database");
        } catch (IOException e) {
            throw new DatabaseOpenException(Reason.CORRUPT, "the database file is damaged or truncated", e);
        }
    }
}
