package dev.parley.desktop.service.attachment;

import dev.parley.crypto.attachment.AttachmentDecryptor;
import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.primitives.SecretBox;
import dev.parley.crypto.secret.SecretBytes;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Decrypts a file while it downloads: the downloading thread hands each ciphertext chunk over (in order, from the
 * first) and a thread of its own opens it and writes the plaintext, a few chunks behind at most ({@value #DEPTH}), so
 * "Save as" of a file not yet in the profile costs about the download's time instead of the download's plus the
 * decryption's. The plaintext goes to the caller's temporary file, renamed only after {@link #finish()} (every chunk
 * authentic and present) and after the download matched the ciphertext against the pointer's digest (hashed once, by
 * the download, not again here). A chunk that does not open stops the decryption; the caller
 * learns it from {@link #finish()}.
 */
final class PipelinedDecryption implements AttachmentDownload.ChunkTee, AutoCloseable {
    static final int DEPTH = 16;
    private static final byte[] END = new byte[0];
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(DEPTH);
    private final AttachmentDecryptor decryptor;
    private final OutputStream plaintext;
    private final Thread worker;
    private volatile Exception failure;
    private volatile boolean stopped;

    PipelinedDecryption(SecretBox box, SecretBytes key, long size, OutputStream plaintext) {
        // the download hashes the same bytes and refuses them before the rename if they are not the pointer's
        this.decryptor = AttachmentDecryptor.digestCheckedByCaller(box, key, size);
        this.plaintext = plaintext;
        this.worker = dev.parley.desktop.threads.BackgroundThreads.named("attachment-decrypt").newThread(this::run);
        worker.start();
    }

    @Override
    public void accept(byte[] bytes, int length) throws IOException {
        if (failure != null || stopped) {
            return; // decryption stopped; the download goes on and finish() reports why
        }
        byte[] chunk = java.util.Arrays.copyOf(bytes, length);
        try {
            while (!queue.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
                if (failure != null || !worker.isAlive()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void run() {
        try {
            while (true) {
                byte[] chunk = queue.take();
                if (chunk == END) {
                    return;
                }
                decryptor.write(chunk, plaintext);
            }
        } catch (InvalidMessageException | IOException e) {
            failure = e;
            queue.clear();
        } catch (InterruptedException e) {
            failure = new IOException("interrupted");
        }
    }

    /**
     * Waits for the last chunk to be written and checks the whole: every chunk opened, none missing. Call it only
     * after the download verified the ciphertext's digest against the pointer (it returned normally).
     *
     * @throws InvalidMessageException the file is not what its pointer says
     * @throws IOException             the plaintext could not be written
     */
    void finish() throws InvalidMessageException, IOException {
        try {
            while (failure == null && worker.isAlive() && !queue.offer(END, 50, TimeUnit.MILLISECONDS)) {
                // the worker is behind: wait for room
            }
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (failure instanceof InvalidMessageException invalid) {
            throw invalid;
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        decryptor.finishWhole();
    }

    /** Stops the worker (after a failed download); harmless after {@link #finish()}. */
    @Override
    public void close() {
        stopped = true;
        worker.interrupt();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
