package dev.parley.desktop.service;

import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageVersion;
import dev.parley.desktop.storage.Message;
import java.time.Duration;
import java.util.List;

/**
 * What a user does to a message after it was sent or received: delete it (for themselves, or for everyone), edit it.
 * Changes are committed before a method returns and announced with {@code MessageChangedEvent}; those sent to the
 * other side go through the durable outbox like any message.
 */
public interface MessageActionsService {
    /** How long after sending the author may edit or delete a message for everyone. */
    Duration AUTHOR_WINDOW = Duration.ofHours(24);
    /** How long after the original a receiver still accepts an edit or delete (clock skew, offline recipients). */
    Duration RECEIVER_WINDOW = Duration.ofHours(48);

    /**
     * Removes a message (any, sent or received) from this device only: its row, text, search words and reactions.
     *
     * @throws InvalidInputException if there is no such message
     */
    void deleteForMe(MessageId messageId) throws ServiceException;

    /**
     * Deletes one of this user's own messages for everyone, within {@link #AUTHOR_WINDOW} of sending it: here it
     * becomes a tombstone (its text erased), and the other side is told to do the same.
     *
     * @throws InvalidInputException if there is no such message, it is not this user's, is already deleted or too old
     */
    void deleteForEveryone(MessageId messageId) throws ServiceException;

    /**
     * Replaces the text of one of this user's own messages, within {@link #AUTHOR_WINDOW} of sending it and at most
     * {@link Message#MAX_EDITS} times; the other side is sent the new text.
     *
     * @return the edited message as stored now
     * @throws InvalidInputException if the text is empty, too long or unchanged, or the message is not this user's,
     *                               deleted, too old or edited too often
     */
    Message edit(MessageId messageId, String text) throws ServiceException;

    /**
     * Every text the message had, the original first and the current one last (one entry for an unedited message).
     *
     * @throws InvalidInputException if there is no such message
     */
    List<MessageVersion> editHistory(MessageId messageId) throws ServiceException;

    /**
     * Sends {@code text} as a reply to a message of a direct conversation (to that conversation's other participant),
     * quoting it: the reply keeps the original's author and the start of its text ({@link Message#quote()}).
     *
     * @throws InvalidInputException if the text is empty or too long, or there is no such message
     */
    Message reply(MessageId to, String text) throws ServiceException;

    /**
     * Sets the disappearing-messages timer of the conversation with {@code contact} (either side may), tells the
     * contact, and adds the system line "alice set disappearing messages to 1 hour". Every message sent afterwards
     * carries the timer and is removed on both sides once it has passed after sending (here) or receiving (there).
     */
    void setDisappearing(String contact, DisappearingTimer timer) throws ServiceException;

    /** The conversation's current timer ({@link DisappearingTimer#OFF} when none is set). */
    DisappearingTimer disappearing(String contact) throws ServiceException;

    /**
     * Removes every message whose timer ran out (row, text, search words, reactions and quote snippets), in batches of
     * a few hundred per transaction (a bounded number of statements each), and announces each batch with one
     * {@code MessagesRemovedEvent} per conversation. Runs on the
     * caller's thread: the app runs it off the UI thread at unlock and then every second.
     *
     * @return how many were removed
     */
    int sweepExpired() throws ServiceException;
}
