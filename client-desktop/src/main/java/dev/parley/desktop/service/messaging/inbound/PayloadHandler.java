package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;

/**
 * Receives one payload kind: applies its storage effects inside the transaction of the batch it arrived in, next to
 * the session state and the envelope records. One handler per kind, registered in {@link PayloadHandlers}; see
 * docs/architecture.md, "Adding a payload kind".
 *
 * <p>A handler must treat its input as hostile: a payload that is not acceptable (wrong author, out of range) is
 * ignored or recorded as such, never thrown about. Any exception still only costs its own envelope: the batch is split
 * and retried, and the envelope at fault is rejected; so does a value the store refuses
 * ({@link dev.parley.desktop.storage.RefusedValueException}). Any other {@link StorageException} means the storage is
 * broken and nothing of the batch is acknowledged.
 */
public interface PayloadHandler<P extends Payload> {

    /** The payload record this handler receives. */
    Class<P> type();

    /**
     * Applies this kind's payloads of one batch, in arrival order, inside its transaction. Each envelope's outcome is
     * {@code STORED} unless the handler sets another on {@code batch}.
     */
    void apply(Transaction txn, List<Received<P>> received, ReceivedBatch batch) throws StorageException;

    /**
     * The stored message an envelope of this payload created: a redelivery of it is acknowledged only while that
     * message exists. Empty for payloads whose effects are complete once committed (receipts, typing).
     */
    default Optional<MessageId> storedMessage(P payload) {
        return Optional.empty();
    }

    /**
     * Whether this kind's payloads must be applied in their exact arrival order relative to every other payload of the
     * batch (group changes, sender keys and group messages depend on each other: a message before a removal, a key
     * before its message). The registry then never moves another kind's payloads across them; consecutive payloads
     * of such a kind reach {@link #apply} in one call, which must apply them one after the other in list order.
     */
    default boolean ordered() {
        return false;
    }

    /** Whether this kind may arrive on an ephemeral (never stored) frame, like typing indicators. */
    default boolean ephemeral() {
        return false;
    }

    /**
     * What this kind does when it comes from someone who is neither a contact nor a pending request: by default it is
     * dropped; only kinds a person would read open a request.
     */
    default FromStranger fromStranger() {
        return FromStranger.DROPPED;
    }
}
