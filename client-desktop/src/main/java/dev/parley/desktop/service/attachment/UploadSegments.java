package dev.parley.desktop.service.attachment;

import java.time.Duration;

/**
 * How many chunks the next {@code PUT} of a bulk upload carries ({@link BulkUpload}). Each segment ends with the
 * relay's answer before the next begins, so every segment costs a round trip in which the connection drains and the
 * encrypting thread waits, and a request on both sides; a 1 GiB file in 4 MiB segments paid that 256 times. So a
 * segment grows while it comes back quickly and shrinks when it does not: it doubles (up to {@value #MAX_CHUNKS}
 * chunks, 32 MiB) after one confirmed in under {@link #GROW_UNDER}, halves after one that took over
 * {@link #SHRINK_OVER}. So progress, which reports only what the relay confirmed, still moves every second or two
 * on a slow link; after a failure the upload starts again from one chunk.
 */
final class UploadSegments {
    static final int MAX_CHUNKS = 1024;
    static final Duration GROW_UNDER = Duration.ofMillis(500);
    static final Duration SHRINK_OVER = Duration.ofSeconds(2);

    private UploadSegments() {
    }

    /** The size of the segment after one of {@code chunks} chunks that the relay confirmed after {@code took}. */
    static int next(int chunks, Duration took) {
        if (took.compareTo(GROW_UNDER) < 0) {
            return Math.min(chunks * 2, MAX_CHUNKS);
        }
        if (took.compareTo(SHRINK_OVER) > 0) {
            return Math.max(1, chunks / 2);
        }
        return chunks;
    }
}
