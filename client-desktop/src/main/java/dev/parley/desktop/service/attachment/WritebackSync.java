package dev.parley.desktop.service.attachment;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Flushes a large file being written to disk while it is still being written: every {@value #EVERY_BYTES} bytes a
 * background thread asks the operating system to write back what is there ({@code fdatasync}), so the final
 * {@code force} before the file counts as durable has only the last part left to write instead of the whole file (on
 * this machine a 1 GiB file took 2 to 3 s to sync at the end). Changes nothing about what is durable when: only the
 * final force promises anything.
 */
final class WritebackSync implements AutoCloseable {
    static final long EVERY_BYTES = 32L << 20;
    private static final ExecutorService SYNCER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "attachment-writeback");
        thread.setDaemon(true);
        return thread;
    });
    private final FileChannel channel;
    private long unsynced;
    private Future<?> running;

    WritebackSync(FileChannel channel) {
        this.channel = channel;
    }

    /** {@code bytes} more were written to the channel. */
    void written(long bytes) {
        unsynced += bytes;
        if (unsynced >= EVERY_BYTES && (running == null || running.isDone())) {
            unsynced = 0;
            running = SYNCER.submit(() -> {
                try {
                    channel.force(false);
                } catch (IOException e) {
                    // closed meanwhile, or the disk refused: the final force reports what matters
                }
                return null;
            });
        }
    }

    /** Waits for a write-back still running (call before closing the channel). */
    @Override
    public void close() {
        if (running != null) {
            try {
                running.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                // reported by the final force, if it matters
            }
        }
    }
}
