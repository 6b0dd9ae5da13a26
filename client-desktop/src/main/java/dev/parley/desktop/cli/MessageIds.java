package dev.parley.desktop.cli;

import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.storage.MessageId;

/** A MESSAGE-ID argument. */
final class MessageIds {
    private MessageIds() {
    }

    static MessageId parse(String text) throws InvalidInputException {
        try {
            return new MessageId(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("not a message id");
        }
    }
}
