package dev.parley.desktop.service.backup;

import dev.parley.desktop.service.ServiceException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ScheduledBackups#runIfDue} on its own thread while the profile is unlocked: first after {@code delay},
 * then every {@code period} (whether one is due is decided by the injected clock). A failed run is logged and tried
 * again at the next check.
 */
public final class ScheduledBackupRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackupRunner.class);

    private final ScheduledBackups backups;
    private final ScheduledExecutorService executor;

    public ScheduledBackupRunner(ScheduledBackups backups, Duration delay, Duration period) {
        this.backups = backups;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parley-scheduled-backup");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::check, delay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            backups.runIfDue();
        } catch (ServiceException | RuntimeException e) {
            LOG.warn("scheduled backup failed ({}); tried again at the next check", e.getMessage());
        }
    }

    /** Stops checking; waits up to 30 s for a backup in progress (one cut short leaves only its removed .part file). */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("a scheduled backup did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
