package dev.parley.desktop.service;

import dev.parley.desktop.storage.Message;
import java.util.List;

/**
 * The incoming messages a listener (the CLI's {@code listen}) has not printed yet, with a durable cursor: a listener
 * prints a batch, flushes its output and then {@link #markPrinted marks} it, so a crash never loses a stored message.
 * A message can be printed twice only if the process dies between flushing and marking.
 */
public interface ListenFeed {

    /** Up to {@code limit} (1 to 500) incoming messages after the cursor, oldest first. */
    List<Message> unprinted(int limit) throws ServiceException;

    /** Advances the cursor past {@code last} (a message {@link #unprinted} returned), durably. */
    void markPrinted(Message last) throws ServiceException;

    /**
     * Up to {@code limit} (1 to 500) changes to messages already printed (late edits, deletes for everyone) and
     * reactions, oldest first, each with the message as stored now (empty if it is gone).
     */
    List<Change> unprintedChanges(int limit) throws ServiceException;

    /** Removes the changes up to {@code last} (one {@link #unprintedChanges} returned), durably. */
    void markChangesPrinted(Change last) throws ServiceException;

    /** A change and its message as stored now. */
    record Change(dev.parley.desktop.storage.ListenChange change, java.util.Optional<Message> message) {
    }
}
