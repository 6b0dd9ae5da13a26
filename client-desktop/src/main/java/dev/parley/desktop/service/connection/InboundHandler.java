package dev.parley.desktop.service.connection;

import dev.parley.desktop.service.StorageFailureException;

/**
 * What the connection hands incoming relay frames to (the messaging service). Called on one thread, in the relay's
 * order.
 */
public interface InboundHandler {

    /** What became of a delivered blob; every outcome but {@link #UNCONFIRMED} is acknowledged to the relay. */
    enum Outcome {
        /** Decrypted and committed to the history (or a control message applied). */
        STORED,
        /** A redelivery of an envelope whose message is in the history (or whose control message was applied). */
        DUPLICATE,
        /**
         * The session protocol says this envelope's message key was already used, yet nothing committed records this
         * envelope: its content may never have reached the history. Not acknowledged; it stays on the relay.
         */
        UNCONFIRMED,
        /** Undecryptable or malformed: logged and dropped, since a redelivery could never succeed. */
        REJECTED,
        /** From a blocked sender (issue #14): dropped unread, nothing stored, the session not advanced. */
        BLOCKED,
        /**
         * From someone who is neither a contact nor a pending request, of a kind that cannot open a request (a profile,
         * presence, a receipt...; issue #14): acknowledged, its session step kept, nothing else stored.
         */
        NOT_A_CONTACT;

        /** Whether the relay may delete the blob. */
        public boolean acknowledge() {
            return this != UNCONFIRMED;
        }
    }

    /**
     * Opens, decrypts and commits {@code blob} (message and session state in one transaction). Returns only once
     * the result is durable, so the caller may acknowledge it.
     *
     * @throws StorageFailureException if it could not be committed: the caller must not acknowledge
     */
    Outcome onDelivery(long relayMessageId, long receivedAtMillis, byte[] blob) throws StorageFailureException;

    /** One blob the relay pushed. */
    record Delivery(long relayMessageId, long receivedAtMillis, byte[] blob) {
        public Delivery {
            java.util.Objects.requireNonNull(blob);
        }
    }

    /**
     * Processes consecutive deliveries, in order, and returns one outcome per delivery only once all of them are
     * durable. An implementation may commit the whole batch in one transaction (all or nothing); the default handles
     * them one by one.
     *
     * @throws StorageFailureException if they could not be committed: the caller acknowledges none of them
     */
    default java.util.List<Outcome> onDeliveries(java.util.List<Delivery> batch) throws StorageFailureException {
        java.util.List<Outcome> outcomes = new java.util.ArrayList<>(batch.size());
        for (Delivery delivery : batch) {
            outcomes.add(onDelivery(delivery.relayMessageId(), delivery.receivedAtMillis(), delivery.blob()));
        }
        return outcomes;
    }

    /**
     * The deliveries about to be handed over, in relay order, the next batch first: the handler may start work on them
     * ahead (opening envelopes on other cores) while it stores the current batch. Never changes what becomes of them:
     * each still comes through {@link #onDeliveries}.
     */
    default void onUpcoming(java.util.List<Delivery> upcoming) {
    }

    /** A login succeeded; the relay's offline queue follows, then {@link #onQueueDrained()}. */
    default void onPickupStarted() {
    }

    /** Every queued blob of this login has been handed to {@link #onDelivery}; later ones are live. */
    default void onQueueDrained() {
    }

    /** An ephemeral blob (typing indicator); never stored. */
    void onEphemeral(byte[] blob);
}
