package dev.parley.desktop.service;

import java.util.List;
import java.util.Optional;

/** Sending, receiving (driven by the connection), receipts, history and search. */
public interface MessagingService {

    /**
     * Encrypts {@code text} for {@code contact}, stores it as SENDING together with its sealed blob in the durable
     * outbox (one transaction), and hands it to the relay if connected. The returned message is SENDING; later
     * states arrive as events.
     *
     * @throws UnknownContactException if no such contact
     * @throws IdentityChangedException if the contact's identity key changed and the user has not acknowledged it
     */
    ChatMessage send(String contact, String text) throws ServiceException;

    /** Tells the contact that the user is (or stopped) typing; ephemeral, never stored, dropped when offline. */
    void setTyping(String contact, boolean typing) throws ServiceException;

    /**
     * Marks every incoming message of the conversation up to and including {@code messageId} as READ and, if the
     * read-receipts setting is on, tells the contact.
     */
    void markRead(String contact, String messageId) throws ServiceException;

    /** Newest-first page of the conversation with {@code contact}; pass the previous page's cursor for older ones. */
    HistoryPage history(String contact, int pageSize, Optional<PageCursor> before) throws ServiceException;

    /** Messages whose text contains every word of {@code query}, newest first, at most {@code limit}. */
    List<ChatMessage> search(String query, int limit) throws ServiceException;

    /** Whether read receipts are sent (a setting, on by default). */
    void setReadReceipts(boolean enabled) throws ServiceException;
}
