package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.HistoryChunk;
import dev.parley.desktop.event.HistoryTransferEvent;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.RefusedValueException;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import dev.parley.desktop.storage.history.HistoryRows;
import dev.parley.desktop.storage.history.HistoryRowsCodec;
import dev.parley.desktop.storage.history.HistoryTransferStore;
import dev.parley.desktop.storage.history.HistoryTransfers;
import dev.parley.desktop.storage.history.MalformedHistoryException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #17, history transfer (HISTORY_CHUNK, docs/protocol.md 1.18): the device that linked this one sends the
 * account's history in chunks; each is imported in the transaction of the batch it arrived in, with this transfer's
 * progress, so a chunk is imported whole or not at all, and exactly once (a redelivered envelope is recognised by its
 * record; a chunk imported already, by the transfer's progress; a message here already, by its id). Taken only from
 * this account's own devices and only when addressed to this device (the pipeline drops the copies for the
 * account's other devices). Rows that do not decode reject the chunk's envelope alone: nothing of it is kept.
 */
final class HistoryChunkHandler implements PayloadHandler<HistoryChunk> {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryChunkHandler.class);

    private final Storage storage;

    HistoryChunkHandler(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Class<HistoryChunk> type() {
        return HistoryChunk.class;
    }

    @Override
    public void apply(Transaction txn, List<Received<HistoryChunk>> received, ReceivedBatch batch)
            throws StorageException {
        Optional<String> own = storage.account().get(txn).map(AccountInfo::username);
        for (Received<HistoryChunk> r : received) {
            if (own.isEmpty() || !own.get().equals(r.sender()) || r.inGroup()) {
                LOG.warn("a history chunk from outside this account was ignored");
                continue;
            }
            Optional<HistoryTransferStore> history = storage.history();
            if (history.isEmpty()) {
                LOG.warn("this profile cannot import history; a chunk was ignored");
                continue;
            }
            HistoryChunk chunk = r.payload();
            String key = HexFormat.of().formatHex(chunk.transferId());
            HistoryTransfers.Incoming state = storage.secrets().get(txn, HistoryTransfers.INCOMING, key)
                    .flatMap(HistoryTransfers.Incoming::decode).orElse(HistoryTransfers.Incoming.empty());
            if (state.has(chunk.index())) {
                continue;
            }
            HistoryRows rows;
            try {
                rows = HistoryRowsCodec.decode(chunk.rows());
            } catch (MalformedHistoryException e) {
                throw new RefusedValueException("history chunk " + chunk.index() + " refused: " + e.getMessage(), e);
            }
            HistoryTransferStore.Imported imported = history.get().importRows(txn, rows);
            HistoryTransfers.Incoming next = state.with(chunk.index(), chunk.last(), rows.messages().size(),
                    imported.imported(), chunk.totalMessages());
            storage.secrets().put(txn, HistoryTransfers.INCOMING, key, next.encode());
            LOG.info("history chunk {} imported: {} messages new here, {} already here{}", chunk.index(),
                    imported.imported(), imported.skipped(), next.complete() ? "; the transfer is complete" : "");
            txn.attach(new HistoryTransferEvent(next.received(), next.total(), next.complete()));
        }
    }
}
