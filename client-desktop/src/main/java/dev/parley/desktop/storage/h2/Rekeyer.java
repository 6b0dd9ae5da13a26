package dev.parley.desktop.storage.h2;

import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.desktop.storage.TamperedSecretException;
import dev.parley.desktop.storage.h2.DatabaseOpenException.Reason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.h2.tools.ChangeFileEncryption;

/**
 * Re-encrypts a closed database into a new file. The encrypted source is copied byte for byte into a private staging
 * directory next to the target, H2's {@link ChangeFileEncryption} re-encrypts that copy in place (it checks the old
 * key first), and the result is synced and moved atomically to the target. The source is never written, so a crash
 * at any point leaves it intact; a crash leaves at most a staging directory, which the next copy removes.
 */
final class Rekeyer {
    private final DatabaseFiles source;
    private final DatabaseFiles target;
    private final CryptoProvider crypto;

    Rekeyer(DatabaseFiles source, DatabaseFiles target, CryptoProvider crypto) {
        this.source = source;
        this.target = target;
        this.crypto = crypto;
    }

    Path stagingDirectory() {
        return target.directory().resolve(target.baseName() + ".rekey");
    }

    void copy(SecretBytes sourceKey, SecretBytes targetKey) throws DatabaseOpenException {
        if (!Files.isRegularFile(source.dataFile())) {
            throw new DatabaseOpenException(Reason.MISSING, "no database file");
        }
        if (Files.exists(target.dataFile())) {
            throw new DatabaseOpenException(Reason.ALREADY_EXISTS, "the target database exists");
        }
        Path staging = stagingDirectory();
        char[] oldPassword = H2StorageOpener.filePassword(sourceKey);
        char[] newPassword = H2StorageOpener.filePassword(targetKey);
        try {
            deleteTree(staging);
            Files.createDirectory(staging);
            Path staged = staging.resolve(target.baseName() + DatabaseFiles.SUFFIX);
            Files.copy(source.dataFile(), staged);
            ChangeFileEncryption.execute(staging.toString(), target.baseName(), "AES", oldPassword, newPassword,
                    true);
            resealStaged(DatabaseFiles.of(staging.resolve(target.baseName())), sourceKey, targetKey);
            sync(staged);
            Files.move(staged, target.dataFile(), StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(target.directory());
            deleteTree(staging);
        } catch (DatabaseOpenException e) {
            cleanUp(staging);
            throw e;
        } catch (SQLException e) {
            cleanUp(staging);
            throw new DatabaseOpenException(Reason.WRONG_KEY, "the old key does not decrypt the database", e);
        } catch (IOException e) {
            cleanUp(staging);
            throw new DatabaseOpenException(Reason.CORRUPT, "re-encrypting the database failed", e);
        } finally {
            Arrays.fill(oldPassword, '\0');
            Arrays.fill(newPassword, '\0');
        }
    }

    /**
     * The protected state is sealed under a key derived from the file key, so the copy's rows are re-sealed under the
     * new one, in one transaction, before the copy can become the profile's database.
     */
    private void resealStaged(DatabaseFiles staged, SecretBytes sourceKey, SecretBytes targetKey)
            throws DatabaseOpenException {
        try (SecretSealer from = SecretSealer.forFileKey(crypto, sourceKey);
             SecretSealer to = SecretSealer.forFileKey(crypto, targetKey);
             FileKeyRing.Lease lease = FileKeyRing.lease(staged, targetKey);
             Connection c = H2StorageOpener.connect(staged.url(false, false))) {
            TrustCheck.verify(c);
            c.setAutoCommit(false);
            SecretRows.reseal(c, from, to);
            c.commit();
        } catch (TamperedSecretException e) {
            throw new DatabaseOpenException(Reason.CORRUPT, "protected state failed its check while re-keying", e);
        } catch (SQLException e) {
            throw new DatabaseOpenException(Reason.CORRUPT, "re-sealing the protected state failed", e);
        }
    }

    private static void cleanUp(Path staging) {
        try {
            deleteTree(staging);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(Rekeyer.class).warn("Could not remove the re-key staging directory", e);
        }
    }

    static void sync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Syncs a directory entry where the platform allows it (Linux, macOS); a no-op elsewhere. */
    static void syncDirectory(Path directory) {
        try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(Rekeyer.class).debug("Directory sync not supported here", e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
