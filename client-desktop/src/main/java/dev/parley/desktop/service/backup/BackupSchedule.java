package dev.parley.desktop.service.backup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Scheduled backups (issue #17): into {@code folder}, every {@code interval}, keeping the newest {@code keep} files;
 * {@code lastRunMillis} is when the last one was written (0: never). Stored sealed in the profile
 * ({@link ScheduledBackups}); {@link #encode} is its only format (version 1).
 */
public record BackupSchedule(Path folder, Interval interval, int keep, long lastRunMillis) {
    public static final int MAX_KEEP = 100;
    private static final int VERSION = 1;

    /** How often a scheduled backup is due. */
    public enum Interval {
        DAILY(Duration.ofDays(1)), WEEKLY(Duration.ofDays(7));

        private final Duration period;

        Interval(Duration period) {
            this.period = period;
        }

        public Duration period() {
            return period;
        }
    }

    public BackupSchedule {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(interval, "interval");
        if (keep < 1 || keep > MAX_KEEP) {
            throw new IllegalArgumentException("keep 1 to " + MAX_KEEP + " backups");
        }
        folder = folder.toAbsolutePath().normalize();
    }

    /** Whether a backup is due at {@code nowMillis}. */
    public boolean dueAt(long nowMillis) {
        return lastRunMillis == 0 || nowMillis - lastRunMillis >= interval.period.toMillis();
    }

    public BackupSchedule ranAt(long nowMillis) {
        return new BackupSchedule(folder, interval, keep, nowMillis);
    }

    /** u8 version || u8 interval ordinal || u16 keep || i64 last run || UTF folder (Java modified UTF-8). */
    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(interval.ordinal());
            out.writeShort(keep);
            out.writeLong(lastRunMillis);
            out.writeUTF(folder.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException for anything but a version-1 schedule */
    static BackupSchedule decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            if (in.readUnsignedByte() != VERSION) {
                throw new IllegalArgumentException("unknown backup schedule version");
            }
            int interval = in.readUnsignedByte();
            if (interval >= Interval.values().length) {
                throw new IllegalArgumentException("unknown backup interval");
            }
            int keep = in.readUnsignedShort();
            long lastRun = in.readLong();
            Path folder = Path.of(in.readUTF());
            if (in.read() != -1) {
                throw new IllegalArgumentException("trailing bytes after the backup schedule");
            }
            return new BackupSchedule(folder, Interval.values()[interval], keep, lastRun);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable backup schedule", e);
        }
    }
}
