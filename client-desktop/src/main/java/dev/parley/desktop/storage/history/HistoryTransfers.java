package dev.parley.desktop.storage.history;

import dev.parley.desktop.storage.SecretNamespace;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.Optional;

/**
 * Issue #17: where each side of a history transfer stands, kept in the profile's encrypted {@code secrets} table
 * under the transfer id (hex), and moved in the same transaction as the work it describes: the sending device's
 * entry with the outbox entries of each chunk, the new device's with the rows of each chunk it imported. So a
 * process killed on either side goes on from the last committed chunk.
 */
public final class HistoryTransfers {
    /** The sending device's transfers. */
    public static final SecretNamespace OUTGOING = new SecretNamespace("history-out");
    /** The new device's transfers. */
    public static final SecretNamespace INCOMING = new SecretNamespace("history-in");
    private static final int VERSION = 1;

    private HistoryTransfers() {
    }

    /**
     * A transfer this device sends.
     *
     * @param top      the newest position the transfer covers (fixed when it began)
     * @param below    the next chunk starts below this position
     * @param next     the next chunk's index
     * @param total    messages the transfer carries (counted when it began)
     * @param sent     messages queued so far
     * @param done     the last chunk is queued
     */
    public record Outgoing(int targetDevice, long top, long below, int next, long total, long sent, boolean done) {
        public byte[] encode() {
            return ByteBuffer.allocate(1 + 4 + 8 + 8 + 4 + 8 + 8 + 1).put((byte) VERSION).putInt(targetDevice)
                    .putLong(top).putLong(below).putInt(next).putLong(total).putLong(sent).put((byte) (done ? 1 : 0))
                    .array();
        }

        public static Optional<Outgoing> decode(byte[] bytes) {
            try {
                ByteBuffer in = ByteBuffer.wrap(bytes);
                if (in.get() != VERSION) {
                    return Optional.empty();
                }
                return Optional.of(new Outgoing(in.getInt(), in.getLong(), in.getLong(), in.getInt(), in.getLong(),
                        in.getLong(), in.get() == 1));
            } catch (BufferUnderflowException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * A transfer this device receives.
     *
     * @param chunks    the indexes of the chunks imported
     * @param lastIndex the last chunk's index once it arrived, else -1
     * @param received  messages carried by the chunks imported (new here or already here)
     * @param imported  messages that were new here
     * @param total     messages in the whole transfer, as the sender counted them
     */
    public record Incoming(BitSet chunks, int lastIndex, long received, long imported, long total) {
        public Incoming {
            chunks = (BitSet) chunks.clone();
        }

        public static Incoming empty() {
            return new Incoming(new BitSet(), -1, 0, 0, 0);
        }

        @Override
        public BitSet chunks() {
            return (BitSet) chunks.clone();
        }

        /** Every chunk up to the last one arrived. */
        public boolean complete() {
            return lastIndex >= 0 && chunks.cardinality() == lastIndex + 1;
        }

        public boolean has(int index) {
            return chunks.get(index);
        }

        /** This state after chunk {@code index} was imported. */
        public Incoming with(int index, boolean last, long carried, long newHere, long transferTotal) {
            BitSet next = chunks();
            next.set(index);
            return new Incoming(next, last ? index : lastIndex, received + carried, imported + newHere, transferTotal);
        }

        public byte[] encode() {
            byte[] bits = chunks.toByteArray();
            return ByteBuffer.allocate(1 + 4 + 8 + 8 + 8 + 4 + bits.length).put((byte) VERSION).putInt(lastIndex)
                    .putLong(received).putLong(imported).putLong(total).putInt(bits.length).put(bits).array();
        }

        public static Optional<Incoming> decode(byte[] bytes) {
            try {
                ByteBuffer in = ByteBuffer.wrap(bytes);
                if (in.get() != VERSION) {
                    return Optional.empty();
                }
                int last = in.getInt();
                long received = in.getLong();
                long imported = in.getLong();
                long total = in.getLong();
                byte[] bits = new byte[in.getInt()];
                in.get(bits);
                return Optional.of(new Incoming(BitSet.valueOf(bits), last, received, imported, total));
            } catch (BufferUnderflowException | NegativeArraySizeException e) {
                return Optional.empty();
            }
        }
    }
}
