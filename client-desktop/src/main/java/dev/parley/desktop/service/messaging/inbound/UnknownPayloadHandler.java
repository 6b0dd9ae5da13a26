package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A payload kind from a newer client: its session step is kept (so later messages still decrypt) and the envelope is
 * acknowledged, but nothing is shown yet.
 */
final class UnknownPayloadHandler implements PayloadHandler<Payload.Unknown> {
    private static final Logger LOG = LoggerFactory.getLogger(UnknownPayloadHandler.class);

    @Override
    public Class<Payload.Unknown> type() {
        return Payload.Unknown.class;
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.Unknown>> received, ReceivedBatch batch) {
        for (Received<Payload.Unknown> r : received) {
            LOG.info("ignoring a payload of unknown kind {}", r.payload().typeCode());
        }
    }
}
