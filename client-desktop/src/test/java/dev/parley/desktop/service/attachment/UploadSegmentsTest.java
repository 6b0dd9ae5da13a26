package dev.parley.desktop.service.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bulk upload's segment sizes: grow on a fast link up to 32 MiB, shrink on a slow one, never below one chunk. */
class UploadSegmentsTest {
    @Test
    void segmentsDoubleWhileConfirmedQuicklyUpToThirtyTwoMebibytes() {
        int chunks = 1;
        int requests = 0;
        while (chunks < UploadSegments.MAX_CHUNKS) {
            chunks = UploadSegments.next(chunks, Duration.ofMillis(20));
            requests++;
        }
        assertThat(requests).isEqualTo(10);
        assertThat((long) chunks * dev.parley.crypto.attachment.AttachmentFormat.CIPHER_CHUNK_BYTES)
                .isEqualTo(32L << 20);
        assertThat(UploadSegments.next(chunks, Duration.ofMillis(20))).isEqualTo(UploadSegments.MAX_CHUNKS);
    }

    @Test
    void aSegmentThatTookSecondsHalvesAndOneInBetweenKeepsItsSize() {
        assertThat(UploadSegments.next(256, Duration.ofSeconds(3))).isEqualTo(128);
        assertThat(UploadSegments.next(1, Duration.ofSeconds(30))).isEqualTo(1);
        assertThat(UploadSegments.next(256, Duration.ofMillis(1_200))).isEqualTo(256);
        assertThat(UploadSegments.next(256, UploadSegments.GROW_UNDER)).isEqualTo(256);
        assertThat(UploadSegments.next(256, UploadSegments.SHRINK_OVER)).isEqualTo(256);
    }
}
