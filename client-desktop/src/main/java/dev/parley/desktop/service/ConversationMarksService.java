package dev.parley.desktop.service;

import dev.parley.desktop.storage.ConversationMarks;
import java.util.Map;

/**
 * Mute (no notifications) and archive (listed apart) a conversation: marks the user sets for themselves, kept in the
 * profile and never sent. Blocking calls: never on the FX thread.
 */
public interface ConversationMarksService {

    /** Mutes or unmutes the conversation with {@code contact}; returns its marks now. */
    ConversationMarks mute(String contact, boolean muted) throws ServiceException;

    /** Archives or unarchives the conversation with {@code contact}; returns its marks now. */
    ConversationMarks archive(String contact, boolean archived) throws ServiceException;

    /** The marks of the conversation with {@code contact} ({@link ConversationMarks#NONE} when unmarked). */
    ConversationMarks marks(String contact) throws ServiceException;

    /** Every muted or archived conversation's marks, by conversation id (a direct one's id is the contact's name). */
    Map<String, ConversationMarks> marked() throws ServiceException;
}
