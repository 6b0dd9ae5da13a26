package dev.parley.desktop.service;

import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessagePage;
import dev.parley.desktop.storage.Reaction;
import java.util.List;
import java.util.Optional;

/**
 * Sending, receipts, typing, history and search. Receiving is driven by the connection: incoming messages are
 * committed to the history and announced with {@code MessageReceivedEvent}.
 */
public interface MessagingService {

    /**
     * Encrypts {@code text} for {@code contact}, stores it as SENDING together with its sealed blob in the durable
     * outbox (one transaction), and hands it to the relay if connected. Later states arrive as
     * {@code MessageStateChangedEvent}s.
     *
     * @throws UnknownContactException if no such contact
     * @throws IdentityChangedException if the contact's identity key changed and the user has not acknowledged it
     */
    Message send(String contact, String text) throws ServiceException;

    /**
     * Tells the contact that the user started or stopped typing: ephemeral, never stored, dropped when offline, and
     * not sent at all when the typing-indicators setting is off. {@code contact} may be a group conversation ('#' and
     * the group id): then it goes to each member, pairwise, but only in a group of at most 20 members.
     */
    void setTyping(String contact, boolean typing) throws ServiceException;

    /**
     * Marks the conversation's unread incoming messages up to {@code upTo} as READ and, if the read-receipts setting
     * is on, tells the contact (encrypted, through the outbox). {@code contact} may be a group conversation ('#' and
     * the group id): then each message's author gets the read receipt, pairwise.
     *
     * @return how many messages became READ
     */
    int markRead(String contact, MessageCursor upTo) throws ServiceException;

    /** Whether read receipts are sent (a setting, on by default). */
    boolean readReceipts() throws ServiceException;

    /** Turns sending read receipts on or off; delivery receipts are always sent. */
    void setReadReceipts(boolean enabled) throws ServiceException;

    /**
     * One page of the conversation with {@code contact}, newest first (keyset paging, so the cost does not grow with
     * the conversation's length).
     *
     * @param before the previous page's {@link MessagePage#nextBefore()}, or empty for the newest page
     * @param limit  1 to 500
     */
    MessagePage history(String contact, Optional<MessageCursor> before, int limit) throws ServiceException;

    /**
     * Every conversation that has messages, with its newest message and how many incoming ones are unread, newest
     * activity first: one query for the whole conversation list (issue #14: a thousand conversations).
     */
    List<dev.parley.desktop.storage.ConversationSummary> conversations() throws ServiceException;

    /**
     * The messages of the conversation with {@code contact} stored after {@code after}, oldest first: the pages below
     * a search result. A result shorter than {@code limit} reached the newest message.
     *
     * @param limit 1 to 500
     */
    List<Message> historyAfter(String contact, MessageCursor after, int limit) throws ServiceException;

    /**
     * Messages containing every word of {@code query}, newest first.
     *
     * @param contact restrict to one conversation, or empty for all
     * @param limit   1 to 500
     */
    List<Message> search(String query, Optional<String> contact, int limit) throws ServiceException;

    /**
     * Sets this user's reaction (one emoji) to a message of a conversation, replacing an earlier one, or with
     * {@code remove} takes it away; sent to the conversation's other participants.
     *
     * @throws InvalidInputException if {@code emoji} is not one emoji or there is no such message
     */
    void react(MessageId messageId, String emoji, boolean remove) throws ServiceException;

    /** The reactions to a message, oldest first (this user's own included). */
    List<Reaction> reactions(MessageId messageId) throws ServiceException;

    /**
     * The reactions to each of a page's messages (at most 500) in one query, each list oldest first; messages without
     * reactions are absent.
     */
    java.util.Map<MessageId, List<Reaction>> reactions(List<MessageId> messageIds) throws ServiceException;

    /** The stored message with this id (a reply's original, to jump to it), or empty if this history has none. */
    Optional<Message> message(MessageId messageId) throws ServiceException;

    /**
     * When a message was sent, delivered and read ("Message info"; see {@link MessageInfo}), or empty if this history
     * has no such message.
     */
    Optional<MessageInfo> info(MessageId messageId) throws ServiceException;

    /**
     * Per-member delivery and read state of one of this profile's own group messages (issue #15: "Read by 3 of 5", and
     * the list in Message info). One entry per member the message concerns: the group's current members but this
     * profile, in the group's order, then any former member who sent a receipt; each with the time its delivery and
     * its read receipt arrived ({@link dev.parley.desktop.storage.MemberReceipt#delivered()}, {@code read()}; empty
     * while unknown; a member whose read-receipts setting is off never sends a read receipt). "Read by N of M" is the
     * entries with a read time over the entries. Empty for a direct or an incoming message, or an unknown id.
     */
    List<dev.parley.desktop.storage.MemberReceipt> memberReceipts(MessageId messageId) throws ServiceException;
}
