package dev.parley.crypto.attachment;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Flushes a large file (attachment ciphertext, on the relay or on a client) while it is still being written: every
 * {@value #EVERY_BYTES} bytes it asks, on {@code syncer}, the operating system to write back what is there
 * ({@code fdatasync}), so the final {@code force} before the file counts as durable has only the last part left to
 * write instead of the whole file (on this machine a 1 GiB file took 2 to 3 s to sync at the end). Changes nothing
 * about what is durable when: only the caller's final force promises anything. It starts no thread: the caller
 * chooses where the write-backs run.
 *
 * <p>Two kinds: over the caller's channel ({@link #WritebackSync(FileChannel, Executor)}: one writer, one channel
 * for the whole file, {@link #close()} before closing it), or {@link #ofFile(Path, Executor)}, which opens the file
 * for each write-back itself, so it can outlive the writers' channels: the relay writes an upload in many requests,
 * each with a channel of its own, and the bytes of all of them count towards the next write-back (per request, an
 * upload in segments under {@value #EVERY_BYTES} bytes was never written back early).
 */
public final class WritebackSync implements AutoCloseable {
    public static final long EVERY_BYTES = 32L << 20;

    /** One {@code fdatasync} of the file. */
    @FunctionalInterface
    private interface Sync {
        void run() throws IOException;
    }

    private final Sync sync;
    private final Executor syncer;
    private long unsynced;
    private CompletableFuture<Void> running;

    public WritebackSync(FileChannel channel, Executor syncer) {
        this(() -> channel.force(false), syncer);
    }

    private WritebackSync(Sync sync, Executor syncer) {
        this.sync = sync;
        this.syncer = syncer;
    }

    /**
     * Write-backs of the file at {@code file}, each through a read-only channel of its own (a file that is gone by
     * then, renamed or deleted, is skipped): nothing to close, the writers' channels may come and go.
     */
    public static WritebackSync ofFile(Path file, Executor syncer) {
        return new WritebackSync(() -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.force(false);
            }
        }, syncer);
    }

    /** {@code bytes} more were written to the file. */
    public void written(long bytes) {
        unsynced += bytes;
        if (unsynced >= EVERY_BYTES && (running == null || running.isDone())) {
            unsynced = 0;
            running = CompletableFuture.runAsync(() -> {
                try {
                    sync.run();
                } catch (IOException e) {
                    // closed or gone meanwhile, or the disk refused: the final force reports what matters
                }
            }, syncer);
        }
    }

    /** Waits for a write-back still running (for a channel's write-backs: call before closing the channel). */
    @Override
    public void close() {
        if (running != null) {
            try {
                running.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // reported by the final force, if it matters
            }
        }
    }
}
