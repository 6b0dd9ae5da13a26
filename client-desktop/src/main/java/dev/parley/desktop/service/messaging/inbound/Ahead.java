package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.envelope.MultiRecipientSeal;
import dev.parley.crypto.envelope.OpenedEnvelope;
import dev.parley.desktop.service.connection.InboundHandler.Delivery;
import java.util.Map;

/**
 * What the opening pool ({@link EnvelopeOpener}) opened of a batch ahead of the inbound thread: sealed envelopes and
 * multi-recipient ones, by delivery (identity). A delivery missing here is opened on the inbound thread.
 */
record Ahead(Map<Delivery, OpenedEnvelope> envelopes, Map<Delivery, MultiRecipientSeal.Opened> multi) {
    static final Ahead NOTHING = new Ahead(Map.of(), Map.of());
}
