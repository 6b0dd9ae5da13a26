package dev.parley.desktop.service.backup;

import dev.parley.crypto.backup.RecoveryCode;
import dev.parley.crypto.primitives.RandomSource;
import dev.parley.desktop.profile.BackupProgress;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled backups (issue #17): when due by the injected clock, a backup of the unlocked profile is written into the
 * chosen folder as {@code parley-<profile>-<yyyyMMdd-HHmmss>.parley-backup} (UTC), through a {@code .part} file renamed
 * into place when complete, so no partial file ever carries the final name; then only the newest {@code keep} such
 * files are kept. Every scheduled backup is encrypted under one recovery code, generated when the schedule is first
 * set and shown once. The schedule and the code live only in the encrypted profile database (a {@code SecretStore}
 * namespace that backups never carry), never in a plaintext file.
 */
public final class ScheduledBackups {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackups.class);
    static final SecretNamespace NAMESPACE = new SecretNamespace("backup-schedule");
    private static final String SCHEDULE = "schedule";
    private static final String CODE = "code";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DefaultBackupService backups;
    private final Storage storage;
    private final String profile;
    private final Clock clock;
    private final RandomSource random;

    public ScheduledBackups(DefaultBackupService backups, Storage storage, String profile, Clock clock,
                            RandomSource random) {
        this.backups = backups;
        this.storage = storage;
        this.profile = profile;
        this.clock = clock;
        this.random = random;
    }

    /** The schedule in force, if any. */
    public synchronized Optional<BackupSchedule> schedule() throws ServiceException {
        return read(SCHEDULE).map(BackupSchedule::decode);
    }

    /**
     * Sets (or changes) the schedule; the folder must exist. The first time, generates the recovery code all scheduled
     * backups use and returns it (grouped, to show once); later changes keep the code and return empty.
     */
    public synchronized Optional<char[]> set(Path folder, BackupSchedule.Interval interval, int keep)
            throws ServiceException {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("the backup folder does not exist");
        }
        BackupSchedule schedule;
        try {
            schedule = new BackupSchedule(folder, interval, keep, schedule().map(BackupSchedule::lastRunMillis).orElse(0L));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        RecoveryCode code = read(CODE).isPresent() ? null : RecoveryCode.generate(random);
        byte[] digits = code == null ? null : code.secret();
        try {
            storage.transactions().transaction(false, txn -> {
                storage.secrets().put(txn, NAMESPACE, SCHEDULE, schedule.encode());
                if (digits != null) {
                    storage.secrets().put(txn, NAMESPACE, CODE, digits);
                }
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot store the backup schedule", e);
        } finally {
            if (digits != null) {
                Arrays.fill(digits, (byte) 0);
            }
        }
        LOG.info("backup schedule set ({}, keep {})", interval, keep);
        if (code == null) {
            return Optional.empty();
        }
        char[] grouped = code.grouped();
        code.wipe();
        return Optional.of(grouped);
    }

    /** Stops scheduled backups and forgets their recovery code (files already written stay). */
    public synchronized void clear() throws ServiceException {
        try {
            storage.transactions().transaction(false, txn -> {
                storage.secrets().delete(txn, NAMESPACE, SCHEDULE);
                storage.secrets().delete(txn, NAMESPACE, CODE);
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot remove the backup schedule", e);
        }
        LOG.info("backup schedule removed");
    }

    /**
     * Writes a backup if one is due, then removes all but the newest {@code keep}.
     *
     * @return the file written, or empty when none was due
     */
    public Optional<Path> runIfDue() throws ServiceException {
        return runIfDue(BackupProgress.NONE);
    }

    /** {@link #runIfDue()}, reporting the writing's progress. */
    public synchronized Optional<Path> runIfDue(BackupProgress progress) throws ServiceException {
        Optional<BackupSchedule> current = schedule();
        long now = clock.millis();
        if (current.isEmpty() || !current.get().dueAt(now)) {
            return Optional.empty();
        }
        BackupSchedule schedule = current.get();
        byte[] digits = read(CODE).orElseThrow(() -> new StorageFailureException("the backup schedule has no code",
                new IllegalStateException("missing code")));
        char[] typed = new String(digits, StandardCharsets.US_ASCII).toCharArray();
        Arrays.fill(digits, (byte) 0);
        RecoveryCode code = RecoveryCode.parse(typed);
        Arrays.fill(typed, '\0');
        Path target = schedule.folder().resolve(fileName(now));
        try {
            backups.exportWithCode(target, code, progress);
        } finally {
            code.wipe();
        }
        write(schedule.ranAt(now));
        prune(schedule);
        LOG.info("scheduled backup written");
        return Optional.of(target);
    }

    private String fileName(long millis) {
        return "parley-" + profile + "-" + STAMP.format(java.time.Instant.ofEpochMilli(millis)) + ".parley-backup";
    }

    /** Deletes this profile's scheduled backups in the folder beyond the newest {@code keep} (names sort by time). */
    private void prune(BackupSchedule schedule) {
        Pattern ours = Pattern.compile("parley-" + Pattern.quote(profile) + "-\\d{8}-\\d{6}\\.parley-backup");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(schedule.folder())) {
            for (Path entry : entries) {
                if (ours.matcher(entry.getFileName().toString()).matches() && Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
            files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
            for (Path old : files.subList(Math.min(schedule.keep(), files.size()), files.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            LOG.warn("old scheduled backups not removed: {}", e.getClass().getSimpleName());
        }
    }

    private Optional<byte[]> read(String key) throws StorageFailureException {
        try {
            return storage.transactions().transactionWithResult(true, txn -> storage.secrets().get(txn, NAMESPACE, key));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the backup schedule", e);
        }
    }

    private void write(BackupSchedule schedule) throws StorageFailureException {
        try {
            storage.transactions().transaction(false, txn -> storage.secrets().put(txn, NAMESPACE, SCHEDULE,
                    schedule.encode()));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot store the backup schedule", e);
        }
    }
}
