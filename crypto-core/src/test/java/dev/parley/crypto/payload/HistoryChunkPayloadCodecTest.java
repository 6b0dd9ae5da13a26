package dev.parley.crypto.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidMessageException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * HISTORY_CHUNK (code 48, issue #17): transfer id (16) || target device (u32) || index (u32) || flags (u8) || total
 * messages (u32) || rows (rest), layout as in docs/protocol.md 1.7 and 1.18.
 */
class HistoryChunkPayloadCodecTest {
    private static final byte[] TRANSFER = new byte[16];

    static {
        Arrays.fill(TRANSFER, (byte) 9);
    }

    @Test
    void roundTripsWithTheDocumentedLayout() throws Exception {
        HistoryChunk chunk = new HistoryChunk(TRANSFER, 2, 0x0304, true, 100_000, new byte[] {1, 2, 3});
        byte[] encoded = PayloadCodec.encode(chunk);
        assertThat(encoded).hasSize(7 + 29 + 3);
        assertThat(Arrays.copyOfRange(encoded, 0, 7)).containsExactly(1, 0, 48, 0, 0, 0, 32);
        assertThat(Arrays.copyOfRange(encoded, 7, 23)).isEqualTo(TRANSFER);
        assertThat(Arrays.copyOfRange(encoded, 23, 36)).containsExactly(0, 0, 0, 2, 0, 0, 3, 4, 1, 0, 1, 0x86, 0xA0);
        assertThat(Arrays.copyOfRange(encoded, 36, 39)).containsExactly(1, 2, 3);
        assertThat(PayloadCodec.decode(encoded)).isEqualTo(chunk);
        HistoryChunk notLast = new HistoryChunk(TRANSFER, 5, 0, false, 0, new byte[0]);
        assertThat(PayloadCodec.decode(PayloadCodec.encode(notLast))).isEqualTo(notLast);
    }

    @Test
    void unknownFlagsTruncationAndOversizeAreRefused() {
        byte[] encoded = PayloadCodec.encode(new HistoryChunk(TRANSFER, 2, 0, false, 1, new byte[0]));
        byte[] flags = encoded.clone();
        flags[7 + 24] = 2;
        assertThatThrownBy(() -> PayloadCodec.decode(flags)).isInstanceOf(InvalidMessageException.class);
        byte[] shorter = Arrays.copyOf(encoded, encoded.length - 1);
        shorter[6] = 28;
        assertThatThrownBy(() -> PayloadCodec.decode(shorter)).isInstanceOf(InvalidMessageException.class);
        byte[] device0 = encoded.clone();
        device0[7 + 19] = 0;
        assertThatThrownBy(() -> PayloadCodec.decode(device0)).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> new HistoryChunk(TRANSFER, 2, 0, false, 1, new byte[HistoryChunk.MAX_ROWS_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PayloadCodec.encode(new HistoryChunk(TRANSFER, 2, 0, false, 1,
                new byte[HistoryChunk.MAX_ROWS_BYTES])).length).as("the largest chunk fits the largest padding bucket")
                .isLessThan(65_535);
    }
}
