package dev.parley.desktop.service.device;

import dev.parley.crypto.payload.HistoryChunk;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.OwnDeviceQueue;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.history.HistoryRowsCodec;
import dev.parley.desktop.storage.history.HistoryTransferStore;
import dev.parley.desktop.storage.history.HistoryTransfers;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #17, history transfer at link time, the sending side (docs/protocol.md 1.18, "History transfer"): streams this
 * profile's history to a new device of the account as HISTORY_CHUNK payloads, newest first, each a bounded slice of
 * rows queued durably for the account's other devices like any message (so the relay carries it in the device's queue,
 * end to end encrypted on the sessions between the account's devices). Each chunk is queued in one transaction with
 * the transfer's position, so a transfer stopped anywhere (a dropped connection, a killed process, a cancel) goes on
 * from the chunk after the last one queued; the outbox and the relay's queue carry what was queued. One slice is in
 * memory at a time.
 */
public final class HistoryTransfer {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryTransfer.class);
    /** Rows per chunk at most, with one other device (frames carry one copy per other device of the account). */
    static final int MAX_CHUNK_ROWS = 24 * 1024;
    /** What all the copies of one chunk may take in one frame, leaving room for the seals and the frame itself. */
    private static final int FRAME_BUDGET = 52 * 1024;
    private static final int SEAL_ROOM = 4 * 1024;
    /**
     * Outbox entries (all kinds) at most before the next chunk is queued: the transfer keeps pace with the relay, so
     * the memory a transfer takes on the way (the connection holds what it sends) does not grow with the history.
     */
    static final int OUTBOX_WINDOW = 48;
    /** A transfer whose outbox has not moved for this long pauses (offline); {@link #send} goes on later. */
    private static final long STALL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    private static final long POLL_MILLIS = 10;

    private final ProfileCrypto crypto;
    private final OwnDeviceQueue queue;
    private final Supplier<String> ownUsername;

    public HistoryTransfer(ProfileCrypto crypto, OwnDeviceQueue queue, Supplier<String> ownUsername) {
        this.crypto = crypto;
        this.queue = queue;
        this.ownUsername = ownUsername;
    }

    /** Told after each chunk is queued; returns false to stop (the transfer is kept and can be resumed). */
    @FunctionalInterface
    public interface Progress {
        boolean queued(long messagesSent, long messagesTotal);

        Progress NONE = (sent, total) -> true;
    }

    /** Where a transfer stands. */
    public record Status(String transferId, int targetDevice, long messagesSent, long messagesTotal, boolean done) {
    }

    /**
     * Sends this profile's history to device {@code targetDevice} of the account: goes on with the unfinished transfer
     * to that device if there is one, else begins a new one (a new one after a finished one sends everything again,
     * and the new device keeps only what it lacks).
     *
     * @throws InvalidInputException when the device is this one, or no session with it exists yet
     */
    public Status send(int targetDevice, Progress progress) throws ServiceException {
        Storage storage = crypto.storage();
        HistoryTransferStore history = storage.history().orElseThrow(
                () -> new InvalidInputException("this profile cannot send its history"));
        int self = ownDeviceId();
        if (targetDevice == self || targetDevice < 1) {
            throw new InvalidInputException("a device cannot send its history to itself");
        }
        Optional<Map.Entry<String, HistoryTransfers.Outgoing>> unfinished = unfinished(targetDevice);
        Map.Entry<String, HistoryTransfers.Outgoing> current = unfinished.isPresent() ? unfinished.get()
                : begin(history, targetDevice);
        String key = current.getKey();
        byte[] transferId = HexFormat.of().parseHex(key);
        HistoryTransfers.Outgoing state = current.getValue();
        int budget = chunkBudget();
        while (!state.done()) {
            if (!roomInOutbox()) {
                LOG.info("a history transfer pauses: the relay has not taken what was queued for a minute");
                return status(key, state);
            }
            HistoryTransfers.Outgoing before = state;
            HistoryTransferStore.Slice slice = read(history, before.below(), budget);
            byte[] rows = HistoryRowsCodec.encode(slice.rows());
            boolean last = !slice.more() || slice.rows().messages().isEmpty();
            HistoryTransfers.Outgoing after = new HistoryTransfers.Outgoing(before.targetDevice(), before.top(),
                    slice.lowest(), before.next() + 1, before.total(), before.sent() + slice.rows().messages().size(),
                    last);
            if (rows.length > HistoryChunk.MAX_ROWS_BYTES) {
                LOG.warn("a message too large for a history chunk was left out");
                rows = HistoryRowsCodec.encode(new dev.parley.desktop.storage.history.HistoryRows(List.of(), List.of(),
                        List.of()));
            }
            HistoryChunk chunk = new HistoryChunk(transferId, targetDevice, before.next(), last, before.total(), rows);
            boolean queued = queue.queue(chunk, txn -> storage.secrets().put(txn, HistoryTransfers.OUTGOING, key,
                    after.encode()));
            if (!queued) {
                throw new InvalidInputException("no session with the new device yet: its history cannot be sent");
            }
            state = after;
            if (!progress.queued(state.sent(), state.total()) && !state.done()) {
                LOG.info("a history transfer was stopped after chunk {}; it goes on from there when resumed",
                        before.next());
                return status(key, state);
            }
        }
        LOG.info("a history transfer is queued whole: {} chunks, {} messages", state.next(), state.sent());
        return status(key, state);
    }

    /** The transfers this device began, finished or not. */
    public List<Status> outgoing() throws ServiceException {
        try {
            return crypto.storage().transactions().transactionWithResult(true, txn -> {
                List<Status> out = new java.util.ArrayList<>();
                for (String key : crypto.storage().secrets().keys(txn, HistoryTransfers.OUTGOING)) {
                    Optional<HistoryTransfers.Outgoing> state = crypto.storage().secrets()
                            .get(txn, HistoryTransfers.OUTGOING, key).flatMap(HistoryTransfers.Outgoing::decode);
                    state.ifPresent(s -> out.add(status(key, s)));
                }
                return out;
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the history transfers", e);
        }
    }

    /** Where the transfers this device receives stand: messages received, of how many, and whether all arrived. */
    public List<HistoryTransfers.Incoming> incoming() throws ServiceException {
        try {
            return crypto.storage().transactions().transactionWithResult(true, txn -> {
                List<HistoryTransfers.Incoming> out = new java.util.ArrayList<>();
                for (String key : crypto.storage().secrets().keys(txn, HistoryTransfers.INCOMING)) {
                    crypto.storage().secrets().get(txn, HistoryTransfers.INCOMING, key)
                            .flatMap(HistoryTransfers.Incoming::decode).ifPresent(out::add);
                }
                return out;
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the history transfers", e);
        }
    }

    private Optional<Map.Entry<String, HistoryTransfers.Outgoing>> unfinished(int targetDevice)
            throws StorageFailureException {
        try {
            return crypto.storage().transactions().transactionWithResult(true, txn -> {
                for (String key : crypto.storage().secrets().keys(txn, HistoryTransfers.OUTGOING)) {
                    Optional<HistoryTransfers.Outgoing> state = crypto.storage().secrets()
                            .get(txn, HistoryTransfers.OUTGOING, key).flatMap(HistoryTransfers.Outgoing::decode);
                    if (state.isPresent() && !state.get().done() && state.get().targetDevice() == targetDevice) {
                        return Optional.of(Map.entry(key, state.get()));
                    }
                }
                return Optional.empty();
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the history transfers", e);
        }
    }

    /** A new transfer of everything up to the newest message now, recorded before its first chunk. */
    private Map.Entry<String, HistoryTransfers.Outgoing> begin(HistoryTransferStore history, int targetDevice)
            throws StorageFailureException {
        String key = HexFormat.of().formatHex(crypto.context().random().bytes(HistoryChunk.TRANSFER_ID_BYTES));
        try {
            HistoryTransfers.Outgoing state = crypto.storage().transactions().transactionWithResult(false, txn -> {
                long top = history.newest(txn);
                HistoryTransfers.Outgoing s = new HistoryTransfers.Outgoing(targetDevice, top, top + 1, 0,
                        history.count(txn, top), 0, false);
                crypto.storage().secrets().put(txn, HistoryTransfers.OUTGOING, key, s.encode());
                return s;
            });
            LOG.info("a history transfer of {} messages begins", state.total());
            return Map.entry(key, state);
        } catch (StorageException e) {
            throw new StorageFailureException("cannot record the history transfer", e);
        }
    }

    private HistoryTransferStore.Slice read(HistoryTransferStore history, long below, int budget)
            throws StorageFailureException {
        try {
            return crypto.storage().transactions().transactionWithResult(true, txn -> history.export(txn, below, budget));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the history", e);
        }
    }

    /**
     * Waits until the outbox holds fewer than {@link #OUTBOX_WINDOW} entries; false when it did not move for
     * {@code STALL_NANOS} (no connection: what is queued goes at the next login, the rest when resumed).
     */
    private boolean roomInOutbox() throws ServiceException {
        long lastMove = System.nanoTime();
        int last = Integer.MAX_VALUE;
        while (true) {
            int size;
            try {
                size = crypto.storage().transactions().transactionWithResult(true,
                        txn -> crypto.storage().outbox().size(txn));
            } catch (StorageException e) {
                throw new StorageFailureException("cannot read the outbox", e);
            }
            if (size < OUTBOX_WINDOW) {
                return true;
            }
            if (size < last) {
                last = size;
                lastMove = System.nanoTime();
            } else if (System.nanoTime() - lastMove > STALL_NANOS) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InvalidInputException("the history transfer was interrupted; it goes on when resumed");
            }
        }
    }

    /** Rows per chunk: every other device of the account gets a copy in the same frame. */
    private int chunkBudget() throws StorageFailureException {
        int copies = Math.max(1, ownDevices().size() - 1);
        return Math.min(MAX_CHUNK_ROWS, FRAME_BUDGET / copies - SEAL_ROOM);
    }

    private int ownDeviceId() throws StorageFailureException {
        crypto.lock().lock();
        try {
            return crypto.state().begin().devices().ownDeviceId();
        } catch (ProtocolStorageException e) {
            throw new StorageFailureException("cannot read this device's id", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    private List<Integer> ownDevices() throws StorageFailureException {
        crypto.lock().lock();
        try {
            return crypto.state().begin().devices().of(ownUsername.get());
        } catch (ProtocolStorageException e) {
            throw new StorageFailureException("cannot read this account's devices", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    private static Status status(String key, HistoryTransfers.Outgoing state) {
        return new Status(key, state.targetDevice(), state.sent(), state.total(), state.done());
    }
}
