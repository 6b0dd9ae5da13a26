package dev.parley.relay.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.tools.ChangeFileEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns an unencrypted relay database into an encrypted one ({@code CIPHER=AES}) in place, with the relay stopped. */
final class DatabaseEncryption {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseEncryption.class);
    /** How H2's encrypted files begin ({@code FilePathEncrypt}); an unencrypted MVStore file begins with "H:2". */
    private static final byte[] ENCRYPTED_MAGIC = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);

    private DatabaseEncryption() {
    }

    /** H2's combined password: the file password, a space, then the (empty) user password. Caller wipes it. */
    static char[] withEmptyUserPassword(char[] filePassword) {
        char[] combined = java.util.Arrays.copyOf(filePassword, filePassword.length + 1);
        combined[filePassword.length] = ' ';
        return combined;
    }

    static void encryptIfPlain(Path dir, String name, char[] filePassword) throws IOException, SQLException {
        Path file = dir.resolve(name + ".mv.db");
        if (!Files.isRegularFile(file) || Files.size(file) == 0 || encrypted(file)) {
            return;
        }
        ChangeFileEncryption.execute(dir.toString(), name, "AES", null, filePassword.clone(), true);
        DataDirectory.ensurePrivateFile(file);
        LOG.info("event=database_encrypted");
    }

    private static boolean encrypted(Path file) throws IOException {
        byte[] head = new byte[ENCRYPTED_MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, head.length) == head.length && java.util.Arrays.equals(head, ENCRYPTED_MAGIC);
        }
    }
}
