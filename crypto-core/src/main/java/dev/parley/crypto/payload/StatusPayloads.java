package dev.parley.crypto.payload;

import java.util.List;

/**
 * The payloads that tell how a conversation stands: delivery and read receipts, typing, presence.
 *
 * <p>Only {@link Payload} extends this interface, and only to give each record its name {@code Payload.X}:
 * write {@code Payload.DeliveryReceipt}, never {@code StatusPayloads.DeliveryReceipt}.
 */
public interface StatusPayloads {
    /** The recipient's client has stored these messages. */
    record DeliveryReceipt(List<MessageId> ids) implements Payload {
        public DeliveryReceipt {
            ids = checkedIds(ids);
        }

        @Override
        public int typeCode() {
            return PayloadType.DELIVERY_RECEIPT.code();
        }
    }

    /** The recipient has displayed these messages. */
    record ReadReceipt(List<MessageId> ids) implements Payload {
        public ReadReceipt {
            ids = checkedIds(ids);
        }

        @Override
        public int typeCode() {
            return PayloadType.READ_RECEIPT.code();
        }
    }

    /** The sender started typing. */
    record TypingStarted() implements Payload {
        @Override
        public int typeCode() {
            return PayloadType.TYPING_STARTED.code();
        }
    }

    /** The sender stopped typing. */
    record TypingStopped() implements Payload {
        @Override
        public int typeCode() {
            return PayloadType.TYPING_STOPPED.code();
        }
    }

    /**
     * The sender's presence (issue #14), sent only to accepted contacts on an ephemeral frame: {@code online} when they
     * come online and periodically while online, not online when they go offline. {@code replyWanted} asks a receiver
     * that shares its own presence to answer with its current state (sent by someone who just came online). It carries
     * no timestamp: the receiver uses its own clock.
     */
    record Presence(boolean online, boolean replyWanted) implements Payload {
        @Override
        public int typeCode() {
            return PayloadType.PRESENCE.code();
        }
    }

    private static List<MessageId> checkedIds(List<MessageId> ids) {
        List<MessageId> copy = List.copyOf(ids);
        if (copy.isEmpty() || copy.size() > Payload.MAX_RECEIPT_IDS) {
            throw new IllegalArgumentException("receipt: 1 to " + Payload.MAX_RECEIPT_IDS + " message ids expected");
        }
        return copy;
    }
}
