package dev.parley.desktop.service.messaging.inbound;

import dev.parley.desktop.service.connection.InboundHandler.Delivery;

/** An authenticated envelope from a known contact with a new key: stored apart, undecrypted (#11 finding 1). */
record Held(String sender, byte[] identityKey, Delivery delivery) {
}
