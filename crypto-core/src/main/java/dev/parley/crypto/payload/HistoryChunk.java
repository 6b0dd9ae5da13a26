package dev.parley.crypto.payload;

import java.util.Arrays;
import java.util.Objects;

/**
 * Issue #17, history transfer at link time (docs/protocol.md 1.18, "History transfer"): one bounded piece of this
 * account's history, sent by the device that linked a new one to its own devices, pairwise (so end to end encrypted
 * and authenticated by the account's sessions between its devices). HISTORY_CHUNK (48):
 * <pre>
 * transfer id (16) || target device id (u32, 1..) || chunk index (u32) || flags (u8: bit 0 = the last chunk; others 0)
 * || messages in the whole transfer (u32) || rows (rest, at most {@value #MAX_ROWS_BYTES} bytes; opaque here)
 * </pre>
 * Only the device named by {@code targetDevice} imports it; the account's other devices get a copy (the relay takes a
 * device's copies for all of an account's devices at once) and ignore it. The rows' format is the client's.
 */
public record HistoryChunk(byte[] transferId, int targetDevice, int index, boolean last, long totalMessages,
                           byte[] rows) implements Payload {
    public static final int TRANSFER_ID_BYTES = 16;
    /** Rows of one chunk, at most: the encoded payload stays within the largest padding bucket (64 KiB). */
    public static final int MAX_ROWS_BYTES = 65_000;
    static final int FIXED_BYTES = TRANSFER_ID_BYTES + 4 + 4 + 1 + 4;
    static final int LAST = 1;

    public HistoryChunk {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(rows, "rows");
        if (transferId.length != TRANSFER_ID_BYTES) {
            throw new IllegalArgumentException("history chunk: a 16-byte transfer id expected");
        }
        if (targetDevice < 1 || index < 0 || totalMessages < 0 || totalMessages > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("history chunk: device, index or count out of range");
        }
        if (rows.length > MAX_ROWS_BYTES) {
            throw new IllegalArgumentException("history chunk: at most " + MAX_ROWS_BYTES + " bytes of rows");
        }
        transferId = transferId.clone();
        rows = rows.clone();
    }

    @Override
    public byte[] transferId() {
        return transferId.clone();
    }

    @Override
    public byte[] rows() {
        return rows.clone();
    }

    @Override
    public int typeCode() {
        return PayloadType.HISTORY_CHUNK.code();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HistoryChunk c && Arrays.equals(transferId, c.transferId) && targetDevice == c.targetDevice
                && index == c.index && last == c.last && totalMessages == c.totalMessages && Arrays.equals(rows, c.rows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(transferId), targetDevice, index, last, totalMessages, Arrays.hashCode(rows));
    }

    @Override
    public String toString() {
        return "HistoryChunk[" + index + (last ? ", last" : "") + ", " + rows.length + " bytes]";
    }
}
