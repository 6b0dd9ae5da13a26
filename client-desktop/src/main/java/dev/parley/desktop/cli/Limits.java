package dev.parley.desktop.cli;

import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.storage.MessageStore;

/** Argument checks shared by the commands that print a list of messages. */
final class Limits {
    private Limits() {
    }

    static void check(int limit) throws InvalidInputException {
        if (limit < 1 || limit > MessageStore.MAX_LIMIT) {
            throw new InvalidInputException("--limit must be between 1 and " + MessageStore.MAX_LIMIT);
        }
    }
}
