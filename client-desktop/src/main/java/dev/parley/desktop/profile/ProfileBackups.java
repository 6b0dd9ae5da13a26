package dev.parley.desktop.profile;

import dev.parley.crypto.backup.BackupHeader;
import dev.parley.crypto.backup.BackupReader;
import dev.parley.crypto.backup.BackupSecretKind;
import dev.parley.crypto.backup.BackupWriter;
import dev.parley.crypto.backup.UnsupportedBackupVersionException;
import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.desktop.storage.ErasedHistoryPages;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.backup.BackupBodyReader;
import dev.parley.desktop.storage.backup.BackupBodyWriter;
import dev.parley.desktop.storage.backup.BackupRecord;
import dev.parley.desktop.storage.backup.MalformedBackupException;
import dev.parley.desktop.storage.h2.H2BackupExport;
import dev.parley.desktop.storage.h2.H2BackupImport;
import dev.parley.desktop.storage.h2.H2Storage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Encrypted backups of whole profiles (issue #17, docs/protocol.md "Backups"): {@link #export} writes an unlocked
 * profile's database (see {@code H2BackupTables} for what is left out) and its downloaded attachments (still
 * encrypted under their own keys) into one file; {@link #restore} creates a new profile from one. Both stream: memory
 * stays flat whatever the size. Both are slow (Argon2id, I/O): call them off the UI thread.
 */
public final class ProfileBackups {
    static final String ATTACHMENTS = "attachments";
    /** The desktop app's preferences (theme, notifications, auto-lock; nothing secret), {@code ProfileSettings}. */
    static final String DESKTOP_SETTINGS = "desktop.properties";
    /** The only files a backup carries or a restore writes: downloaded attachment ciphertext, desktop preferences. */
    private static final Pattern FILE_PATH = Pattern.compile(ATTACHMENTS + "/[0-9a-f]{1,64}\\.bin|"
            + Pattern.quote(DESKTOP_SETTINGS));

    /** Tries of a backup while conversations keep being deleted under it. */
    private static final int MAX_ATTEMPTS = 3;

    private final ProfileManager profiles;
    private final CryptoProvider crypto;
    private final Argon2Params backupParams;
    private final Clock clock;

    /** @param backupParams the Argon2id cost written into new backups */
    public ProfileBackups(ProfileManager profiles, CryptoProvider crypto, Argon2Params backupParams, Clock clock) {
        this.profiles = profiles;
        this.crypto = crypto;
        this.backupParams = backupParams;
        this.clock = clock;
    }

    /** What a backup file says about itself before any secret: its format and which kind of secret it needs. */
    public static BackupHeader inspect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return BackupHeader.read(in);
        }
    }

    /** The outcome of an export. */
    public record Summary(long rows, long files, long bytes) {
    }

    /**
     * Writes a backup of {@code profile} to {@code target}, which must not exist: the file appears (atomic move)
     * only once complete; a failure leaves nothing behind.
     *
     * @param secret the UTF-8 passphrase or the digits of a recovery code; the caller wipes it
     */
    public Summary export(UnlockedProfile profile, Path target, byte[] secret, BackupSecretKind kind,
                          BackupProgress progress) throws IOException, ProfileException {
        for (int attempt = 1; ; attempt++) {
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.getFileName().toString());
            }
            try {
                // What the user deleted never goes into a backup: the rows of deleted conversations still being
                // removed go first (the export refuses while any is left, H2BackupExport).
                ErasedHistoryPages.removePending(profile.storage(), () -> true);
                return attempt(profile, target, secret, kind, progress);
            } catch (H2BackupExport.ErasePendingException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new ProfileStorageException("conversations kept being deleted during the backup; try again", e);
                }
            } catch (StorageException e) {
                throw new ProfileStorageException("the profile could not be read for the backup: " + e.getMessage(), e);
            }
        }
    }

    private Summary attempt(UnlockedProfile profile, Path target, byte[] secret, BackupSecretKind kind,
                            BackupProgress progress) throws IOException, StorageException {
        BackedUpFiles chosen = new BackedUpFiles(profile.storage(), attachmentFiles(profile.directory()));
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        boolean done = false;
        try {
            long rows;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
                 BackupWriter writer = BackupWriter.start(out, crypto, secret, kind, backupParams)) {
                BackupBodyWriter body = new BackupBodyWriter(writer);
                rows = H2BackupExport.export((H2Storage) profile.storage(), body, chosen, clock.millis(),
                        (n, total) -> progress.progress(BackupProgress.Phase.DATABASE, n, total));
                long fileBytes = chosen.bytes();
                long[] copied = {0};
                for (Path file : chosen.selected()) {
                    String path = profile.directory().relativize(file).toString().replace('\\', '/');
                    InputStream in;
                    try {
                        in = Files.newInputStream(file);
                    } catch (java.nio.file.NoSuchFileException e) {
                        continue; // deleted meanwhile (a message deleted, an orphan swept): not part of the profile
                    }
                    try (in) {
                        body.file(path, Files.size(file), in, n -> {
                            copied[0] += n;
                            progress.progress(BackupProgress.Phase.FILES, copied[0], fileBytes);
                        });
                    }
                }
                body.end();
            }
            syncFile(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return new Summary(rows, chosen.selected().size(), chosen.bytes());
        } finally {
            if (!done) {
                Files.deleteIfExists(partial);
            }
        }
    }

    /**
     * Creates the profile {@code name}, protected by {@code passphrase}, from the backup {@code file}. Refused before
     * anything is written if the profile exists, the file is not a backup this Parley reads, or the secret is wrong;
     * a file found damaged later leaves no profile behind either.
     *
     * @throws ProfileExistsException                   the profile exists
     * @throws dev.parley.crypto.backup.WrongBackupSecretException wrong passphrase or recovery code
     * @throws dev.parley.crypto.backup.BackupFormatException     not a backup, newer format, truncated or modified
     */
    public void restore(ProfileName name, Path file, byte[] secret, char[] passphrase, BackupProgress progress)
            throws IOException, ProfileException {
        if (profiles.exists(name) || Files.exists(profiles.directories().profileDirectory(name))) {
            throw new ProfileExistsException("a profile of that name already exists; restore into a new name");
        }
        ProfileKeys.checkPassphrase(passphrase);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            BackupHeader header = BackupHeader.read(raw);
            try (BackupReader reader = BackupReader.open(raw, header, crypto, secret)) {
                InputStream decrypted = new BufferedInputStream(reader, 1 << 16);
                BackupBodyReader body = new BackupBodyReader(decrypted);
                if (!(body.next() instanceof BackupRecord.Manifest manifest)) {
                    throw new MalformedBackupException("the backup does not start with its manifest");
                }
                if (!H2BackupImport.knowsSchema(manifest.schemaVersion())) {
                    throw new UnsupportedBackupVersionException("the backup was made by a newer Parley (database "
                            + "version " + manifest.schemaVersion() + "); update Parley to restore it");
                }
                profiles.createFrom(name, passphrase, (staging, base, key) -> {
                    BackupRecord next = H2BackupImport.restore(base, key, crypto, manifest.schemaVersion(), body,
                            n -> progress.progress(BackupProgress.Phase.DATABASE, n, manifest.rows()));
                    long[] copied = {0};
                    while (next instanceof BackupRecord.FileEntry entry) {
                        writeFile(staging, entry, body, n -> {
                            copied[0] += n;
                            progress.progress(BackupProgress.Phase.FILES, copied[0], manifest.fileBytes());
                        });
                        next = body.next();
                    }
                    if (!(next instanceof BackupRecord.End)) {
                        throw new MalformedBackupException("the backup's records are out of order");
                    }
                    if (decrypted.read() != -1 || !reader.complete()) {
                        throw new MalformedBackupException("the backup has data after its end");
                    }
                });
            }
        }
    }

    private static void writeFile(Path staging, BackupRecord.FileEntry entry, BackupBodyReader body,
                                  java.util.function.LongConsumer progress) throws IOException {
        if (!FILE_PATH.matcher(entry.path()).matches()) {
            throw new MalformedBackupException("the backup names a file Parley never keeps");
        }
        Path target = staging.resolve(entry.path()).normalize();
        if (!target.startsWith(staging)) {
            throw new MalformedBackupException("the backup names a file outside the profile");
        }
        if (!target.getParent().equals(staging)) {
            Files.createDirectories(target.getParent());
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), 1 << 16)) {
            body.copyFile(out, progress);
        }
    }

    private static List<Path> attachmentFiles(Path profileDirectory) throws IOException {
        Path dir = profileDirectory.resolve(ATTACHMENTS);
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(profileDirectory.resolve(DESKTOP_SETTINGS))) {
            files.add(profileDirectory.resolve(DESKTOP_SETTINGS));
        }
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.bin")) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)
                        && FILE_PATH.matcher(ATTACHMENTS + "/" + entry.getFileName()).matches()) {
                    files.add(entry);
                }
            }
        }
        files.sort(null);
        return files;
    }

    /** fsync of a finished file before it is moved into place. */
    private static void syncFile(Path file) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
