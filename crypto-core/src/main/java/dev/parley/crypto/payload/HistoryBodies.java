package dev.parley.crypto.payload;

import dev.parley.crypto.exceptions.InvalidMessageException;
import java.nio.ByteBuffer;

/** The body of HISTORY_CHUNK (issue #17, {@link HistoryChunk}) for {@link PayloadCodec}. */
final class HistoryBodies {
    private HistoryBodies() {
    }

    static byte[] chunk(HistoryChunk chunk) {
        byte[] rows = chunk.rows();
        return ByteBuffer.allocate(HistoryChunk.FIXED_BYTES + rows.length).put(chunk.transferId())
                .putInt(chunk.targetDevice()).putInt(chunk.index()).put((byte) (chunk.last() ? HistoryChunk.LAST : 0))
                .putInt((int) chunk.totalMessages()).put(rows).array();
    }

    static HistoryChunk decodeChunk(ByteBuffer in) throws InvalidMessageException {
        byte[] transfer = new byte[HistoryChunk.TRANSFER_ID_BYTES];
        in.get(transfer);
        int target = in.getInt();
        int index = in.getInt();
        int flags = Byte.toUnsignedInt(in.get());
        long total = Integer.toUnsignedLong(in.getInt());
        if ((flags & ~HistoryChunk.LAST) != 0) {
            throw new InvalidMessageException("payload: unknown history chunk flags");
        }
        if (in.remaining() > HistoryChunk.MAX_ROWS_BYTES) {
            throw new InvalidMessageException("payload: history chunk too large");
        }
        byte[] rows = new byte[in.remaining()];
        in.get(rows);
        return new HistoryChunk(transfer, target, index, (flags & HistoryChunk.LAST) != 0, total, rows);
    }
}
