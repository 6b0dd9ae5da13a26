package dev.parley.desktop.service.messaging;

import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.storage.MessageId;
import java.util.HexFormat;

/** Converts between a stored message id (hex) and the payload's 16-byte id. */
final class WireIds {
    private WireIds() {
    }

    static dev.parley.crypto.payload.MessageId wire(MessageId id) throws InvalidInputException {
        try {
            return new dev.parley.crypto.payload.MessageId(HexFormat.of().parseHex(id.value()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("not a message id");
        }
    }
}
