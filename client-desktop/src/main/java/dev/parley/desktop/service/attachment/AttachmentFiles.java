package dev.parley.desktop.service.attachment;

import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import dev.parley.desktop.threads.BackgroundThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the downloaded files of deleted messages (issue #12, #13): the ciphertext ({@code <id>.bin}) and any
 * partial download ({@code <id>.part}) in the profile's attachment directory whose attachment row is gone. The rows go
 * in the same transaction as their message (deleted for me or for everyone, disappeared, conversation deleted); the
 * files follow here, after the commit, on a background thread. Because the sweep compares the directory with the
 * rows, a file left by a crash between the commit and its removal goes at the next sweep (one runs at every unlock).
 * Files are listed before the rows are read, so a download that starts meanwhile is never taken for an orphan.
 *
 * <p>The same goes for the image encodings kept for resumable uploads ({@code <id>.encoding}, and
 * {@code <id>.encoding.tmp} while one is written, {@link KeptEncodings}): one whose upload row is gone (sent,
 * abandoned, its contact or conversation deleted, a profile restored without it, a crash between the commit and the
 * file's removal) is removed. The row is recorded before its encoding is written, so an encoding being written is
 * never taken for an orphan either.
 */
public final class AttachmentFiles implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentFiles.class);
    private static final Pattern NAME = Pattern.compile("([0-9a-f]{32,64})\\.(bin|part|encoding|encoding\\.tmp)");

    /** Files looked at per read of their rows (at most {@code AttachmentStore.MAX_IDS} ids each). */
    public static final int SLICE = 256;

    private final Storage storage;
    private final Path directory;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            BackgroundThreads.named("parley-attachment-files"));
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public AttachmentFiles(Storage storage, Path directory) {
        this.storage = storage;
        this.directory = directory;
    }

    /** Schedules a sweep on the background thread (one pending at a time). */
    public void sweepSoon() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    scheduled.set(false);
                    sweep();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                scheduled.set(false);
            }
        }
    }

    /**
     * Removes the files of attachments this profile no longer has. The directory is read {@value #SLICE} files at a
     * time, and for each slice the rows of just those ids are looked up: memory stays one slice whatever the number
     * of files or attachments.
     *
     * @return how many files were removed
     */
    public int sweep() {
        try {
            if (!Files.isDirectory(directory)) {
                return 0;
            }
            int removed = 0;
            List<Path> slice = new ArrayList<>(SLICE);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
                for (Path entry : entries) {
                    if (NAME.matcher(entry.getFileName().toString()).matches()) {
                        slice.add(entry);
                        if (slice.size() == SLICE) {
                            removed += sweep(slice);
                            slice.clear();
                        }
                    }
                }
            }
            removed += sweep(slice);
            if (removed > 0) {
                LOG.debug("removed {} files of deleted attachments", removed);
            }
            return removed;
        } catch (StorageException | IOException | RuntimeException e) {
            LOG.warn("could not remove the files of deleted attachments: {}", e.getClass().getSimpleName());
            return 0;
        }
    }

    /** Removes the orphans among {@code files}, listed before their rows are read. */
    private int sweep(List<Path> files) throws StorageException, IOException {
        if (files.isEmpty()) {
            return 0;
        }
        Set<String> data = new HashSet<>();
        Set<String> encodings = new HashSet<>();
        for (Path file : files) {
            Matcher m = NAME.matcher(file.getFileName().toString());
            if (m.matches()) {
                (isEncoding(m) ? encodings : data).add(m.group(1));
            }
        }
        List<Set<String>> kept = storage.transactions().transactionWithResult(true, txn -> List.of(
                storage.attachments().attachmentsAmong(txn, data), storage.attachments().uploadsAmong(txn, encodings)));
        int removed = 0;
        for (Path file : files) {
            Matcher m = NAME.matcher(file.getFileName().toString());
            if (m.matches() && !kept.get(isEncoding(m) ? 1 : 0).contains(m.group(1)) && Files.deleteIfExists(file)) {
                removed++;
            }
        }
        return removed;
    }

    private static boolean isEncoding(Matcher m) {
        return m.group(2).startsWith("encoding");
    }

    /** Waits (briefly) for a running sweep, so the storage is not closed under it. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("the attachment file sweep did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
