package dev.parley.crypto.wire;


import java.util.List;
import java.util.Objects;

/**
 * The frames that carry sealed messages: one recipient, several at once, ephemeral, and the acknowledgement.
 *
 * <p>Only {@link Request} extends this interface, and only to give each record its name {@code Request.X}:
 * write {@code Request.Send}, never {@code MessageRequests.Send}.
 */
public interface MessageRequests {
    /**
     * Queues a sealed blob for {@code to}. Answered with {@link Response.SendAccepted} once the blob is stored;
     * a repeated {@code clientMessageId} for the same recipient is accepted again without storing a second copy.
     *
     * @param clientMessageId 16 random bytes chosen by the sender, for idempotent retries
     * @param blob            opaque sealed bytes; the relay never looks inside
     */
    record Send(String to, byte[] clientMessageId, byte[] blob) implements Request {
        public Send {
            Objects.requireNonNull(to, "to");
            if (clientMessageId == null || clientMessageId.length != Request.CLIENT_MESSAGE_ID_BYTES) {
                throw new IllegalArgumentException("clientMessageId: 16 bytes expected");
            }
            if (blob == null || blob.length == 0) {
                throw new IllegalArgumentException("blob: non-empty bytes expected");
            }
        }
    }

    /**
     * An ephemeral frame (typing, presence): pushed to {@code to} as {@link Push.Ephemeral} if online, never stored.
     * Answered with {@link Response.Ok} whether or not the recipient was online.
     */
    record SendEphemeral(String to, byte[] blob) implements Request {
        public SendEphemeral {
            Objects.requireNonNull(to, "to");
            if (blob == null || blob.length == 0) {
                throw new IllegalArgumentException("blob: non-empty bytes expected");
            }
        }
    }

    /**
     * Queues one shared {@code body} for several recipients at once (group messages, issue #15): one upload instead
     * of one {@link Send} per recipient. For each recipient the relay stores that recipient's sealed {@code header}
     * together with the body and delivers them as one {@link Push.Deliver} whose blob is a {@link MultiRecipientBlob}.
     * Each recipient follows the rules of {@link Send} (durability, dedupe by client message id per recipient, ack,
     * quota). Answered with {@link Response.SendMultiResult}: one outcome per recipient, in request order; a recipient
     * that is unknown or over quota does not fail the others. The relay sees a list of recipients, never a group.
     */
    record SendMulti(List<MultiRecipient> recipients, byte[] body) implements Request {
        public SendMulti {
            recipients = List.copyOf(Objects.requireNonNull(recipients, "recipients"));
            if (recipients.isEmpty() || recipients.size() > MAX_MULTI_RECIPIENTS) {
                throw new IllegalArgumentException("recipients: 1 to " + MAX_MULTI_RECIPIENTS + " expected");
            }
            if (recipients.stream().map(MultiRecipient::to).distinct().count() != recipients.size()) {
                throw new IllegalArgumentException("recipients: each recipient at most once");
            }
            if (body == null || body.length == 0) {
                throw new IllegalArgumentException("body: non-empty bytes expected");
            }
        }

        @Override
        public String toString() {
            return "SendMulti[" + recipients.size() + " recipients, " + body.length + " bytes]";
        }
    }

    /**
     * One recipient of a {@link SendMulti}.
     *
     * @param clientMessageId 16 random bytes chosen by the sender, for idempotent retries (per recipient)
     * @param header          opaque sealed bytes for this recipient only; the relay never looks inside
     */
    record MultiRecipient(String to, byte[] clientMessageId, byte[] header) {
        public MultiRecipient {
            Objects.requireNonNull(to, "to");
            if (clientMessageId == null || clientMessageId.length != Request.CLIENT_MESSAGE_ID_BYTES) {
                throw new IllegalArgumentException("clientMessageId: 16 bytes expected");
            }
            if (header == null || header.length == 0) {
                throw new IllegalArgumentException("header: non-empty bytes expected");
            }
        }
    }

    /** Acknowledges a {@link Push.Deliver}; the relay then deletes the blob. Answered with {@link Response.Ok}. */
    record Ack(long messageId) implements Request {
    }
}
