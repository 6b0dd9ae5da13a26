package dev.parley.relay.core;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What one relay node tells another over the cluster bus. Carries sealed blobs as they are (opaque ciphertext) and
 * usernames only in flight, never stored by the bus.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = BusMessage.Displace.class, name = "displace"),
    @JsonSubTypes.Type(value = BusMessage.Direct.class, name = "direct"),
    @JsonSubTypes.Type(value = BusMessage.DirectAnswer.class, name = "direct_answer"),
    @JsonSubTypes.Type(value = BusMessage.Ephemeral.class, name = "ephemeral"),
    @JsonSubTypes.Type(value = BusMessage.Batch.class, name = "batch"),
})
public sealed interface BusMessage {
    /** The user signed in on another node at {@code claimedAtMillis}: close the connection that was there before. */
    record Displace(String username, long claimedAtMillis) implements BusMessage {
    }

    /**
     * Push this blob straight to the user if its queue is drained (the direct path, grace-then-store as on one node)
     * and answer {@code fromNode} with {@link DirectAnswer} carrying {@code token}.
     */
    record Direct(String fromNode, long token, String username, byte[] clientMessageId, byte[] blob,
                  long receivedAtMillis) implements BusMessage {
    }

    /** How a {@link Direct} ended on the recipient's node. */
    record DirectAnswer(long token, Outcome outcome) implements BusMessage {
    }

    /** Push an ephemeral blob to the user if it is connected here. */
    record Ephemeral(String username, byte[] blob) implements BusMessage {
    }

    /**
     * Several messages for one node, sent together (a client's batch of sends or acknowledgements) and handled in
     * order as one unit of work; never nested.
     */
    record Batch(java.util.List<BusMessage> messages) implements BusMessage {
    }

    /** The recipient node's answer to a {@link Direct}. */
    enum Outcome {
        /** Acknowledged by the recipient, or stored after the grace period. */
        ACCEPTED,
        /** Already stored before (a retried send). */
        DUPLICATE,
        QUEUE_FULL,
        FAILED,
        /** Not pushed (the user is not here or not drained): the sender's node stores it. */
        NOT_DELIVERED
    }
}
