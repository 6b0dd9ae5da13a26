package dev.parley.desktop.service.connection;

import dev.parley.desktop.service.StorageFailureException;
import java.util.List;
import java.util.Objects;

/** The durable queue of sealed blobs waiting for the relay's acceptance (owned by the messaging service). */
public interface Outbox {

    /** Most items {@link #pending()} returns at once; the connection asks again after a full batch. */
    int BATCH = 500;

    /** Up to {@link #BATCH} blobs not yet accepted by the relay, oldest first. */
    List<Item> pending() throws StorageFailureException;

    /** The relay stored the blob: mark its message SENT and remove it from the outbox. Idempotent. */
    void accepted(Item item) throws StorageFailureException;

    /** The relay refused the blob for good (unknown recipient): mark its message FAILED and remove it. */
    void rejected(Item item, String reason) throws StorageFailureException;

    /**
     * The relay stored every copy of one message for one account's devices ({@code device_send}, issue #17): removes
     * them all; the message is marked SENT once (copies for this account's own devices, sent transcripts, change no
     * message state).
     */
    default void acceptedCopies(List<Item> copies) throws StorageFailureException {
        for (Item copy : copies) {
            accepted(copy);
        }
    }

    /**
     * Issue #17: the relay answered a send with the current device list of {@code account} ({@code
     * device_list_stale}). Encrypts the message for the devices it lacks (their bundles from {@code bundles}), drops
     * the copies of devices that are gone, remembers the list, and returns every queued copy of the message for that
     * account, to be sent again with the same client message id (empty: nothing left to send).
     */
    default List<Item> devicesChanged(String account, byte[] clientMessageId, List<Integer> devices,
                                      BundleSource bundles) throws StorageFailureException {
        return List.of();
    }

    /** Fetches one device's prekey bundle from the relay ({@code device_fetch_bundle}). */
    @FunctionalInterface
    interface BundleSource {
        /** @return the bundle, or empty if the relay has none for this device (it was unlinked meanwhile) */
        java.util.Optional<dev.parley.crypto.prekey.PreKeyBundle> fetch(String account, int deviceId);
    }

    /**
     * One queued blob.
     *
     * @param clientMessageId 16 bytes, the relay's dedupe key; the same on every resend
     * @param recipient       the recipient's device address (issue #17): the username for device 1, {@code
     *                        username:N} for device N ({@code dev.parley.desktop.crypto.DeviceAddress})
     * @param blob            the sealed envelope
     * @param ephemeral       true for typing indicators: sent only if online, never stored or retried
     */
    record Item(byte[] clientMessageId, String recipient, byte[] blob, boolean ephemeral) {
        public Item {
            Objects.requireNonNull(clientMessageId);
            Objects.requireNonNull(recipient);
            Objects.requireNonNull(blob);
        }

        @Override
        public String toString() {
            return "Outbox.Item[" + blob.length + " bytes" + (ephemeral ? ", ephemeral" : "") + "]";
        }
    }
}
