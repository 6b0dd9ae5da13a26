package dev.parley.desktop.ui.common;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message as the UI shows it, independent of the storage and service types (one adapter,
 * {@link UiServices}, builds it).
 *
 * @param id       the message id (unique per conversation)
 * @param contact  the conversation (the contact's username)
 * @param outgoing written here, or received
 * @param text     the plaintext
 * @param sentAt   the sender's timestamp
 * @param status   delivery status
 * @param failure  why sending failed; present only for {@link Status#FAILED}
 * @param position  the storage position (for "mark read up to here" and paging)
 * @param reactions who reacted with what, oldest first (the user's own included)
 * @param edited    its author edited it ({@code text} is the current text)
 * @param deleted   deleted for everyone: a tombstone, {@code text} is empty
 * @param quote     the message this one replies to, if it is a reply
 * @param attachment the file it carries ({@code text} is then the stored file line and caption), if any
 * @param system    a line the app wrote about the conversation (a timer change...), shown centred, not as a bubble
 * @param sender    who wrote an incoming message in a group (shown above its bubble); empty otherwise
 */
public record MessageView(String id, String contact, boolean outgoing, String text, Instant sentAt, Status status,
                          Optional<String> failure, long position, List<ReactionView> reactions, boolean edited,
                          boolean deleted, Optional<QuoteView> quote, Optional<AttachmentView> attachment,
                          boolean system, String sender) {

    /** A message whose sender is not shown (a direct conversation's, or an own one). */
    public MessageView(String id, String contact, boolean outgoing, String text, Instant sentAt, Status status,
                       Optional<String> failure, long position, List<ReactionView> reactions, boolean edited,
                       boolean deleted, Optional<QuoteView> quote, Optional<AttachmentView> attachment,
                       boolean system) {
        this(id, contact, outgoing, text, sentAt, status, failure, position, reactions, edited, deleted, quote,
                attachment, system, "");
    }

    /** Someone's message (not a system line). */
    public MessageView(String id, String contact, boolean outgoing, String text, Instant sentAt, Status status,
                       Optional<String> failure, long position, List<ReactionView> reactions, boolean edited,
                       boolean deleted, Optional<QuoteView> quote, Optional<AttachmentView> attachment) {
        this(id, contact, outgoing, text, sentAt, status, failure, position, reactions, edited, deleted, quote,
                attachment, false);
    }

    /** A message without a file. */
    public MessageView(String id, String contact, boolean outgoing, String text, Instant sentAt, Status status,
                       Optional<String> failure, long position, List<ReactionView> reactions, boolean edited,
                       boolean deleted, Optional<QuoteView> quote) {
        this(id, contact, outgoing, text, sentAt, status, failure, position, reactions, edited, deleted, quote,
                Optional.empty());
    }

    /** A message never edited nor deleted, without reactions (or whose reactions are not loaded). */
    public MessageView(String id, String contact, boolean outgoing, String text, Instant sentAt, Status status,
                       Optional<String> failure, long position) {
        this(id, contact, outgoing, text, sentAt, status, failure, position, List.of(), false, false, Optional.empty());
    }

    /** Outgoing: SENDING, SENT, DELIVERED, READ, FAILED. Incoming: UNREAD, then SEEN. */
    public enum Status {
        SENDING, SENT, DELIVERED, READ, FAILED, UNREAD, SEEN;

        /** Whether a later event may move a message from this status to {@code next} (never backwards). */
        public boolean canAdvanceTo(Status next) {
            if (this == next) {
                return false;
            }
            switch (this) {
                case SENDING:
                    return next == SENT || next == DELIVERED || next == READ || next == FAILED;
                case SENT:
                    return next == DELIVERED || next == READ;
                case DELIVERED:
                    return next == READ;
                case FAILED:
                    return next == SENDING || next == SENT || next == DELIVERED || next == READ;
                case UNREAD:
                    return next == SEEN;
                default:
                    return false;
            }
        }
    }

    public MessageView {
        Objects.requireNonNull(id);
        Objects.requireNonNull(contact);
        Objects.requireNonNull(text);
        Objects.requireNonNull(sentAt);
        Objects.requireNonNull(status);
        Objects.requireNonNull(failure);
        reactions = List.copyOf(reactions);
        Objects.requireNonNull(quote);
        Objects.requireNonNull(attachment);
        Objects.requireNonNull(sender);
    }

    /** Whether the bubble names its sender: an incoming message of a group. */
    public boolean showsSender() {
        return !outgoing && !system && !sender.isEmpty();
    }

    public boolean unread() {
        return status == Status.UNREAD;
    }

    /** A copy in {@code next} status (the failure reason is kept only for FAILED). */
    public MessageView withStatus(Status next) {
        return new MessageView(id, contact, outgoing, text, sentAt, next,
                next == Status.FAILED ? failure : Optional.empty(), position, reactions, edited, deleted, quote, attachment,
                system, sender);
    }

    /** A copy with {@code now} as its reactions. */
    public MessageView withReactions(List<ReactionView> now) {
        return new MessageView(id, contact, outgoing, text, sentAt, status, failure, position, now, edited, deleted, quote,
                attachment, system, sender);
    }

    /** A copy whose author changed the text to {@code current}. */
    public MessageView withEdit(String current) {
        return new MessageView(id, contact, outgoing, current, sentAt, status, failure, position, reactions, true,
                false, quote, attachment, system, sender);
    }

    /** A copy carrying {@code file} (or none). */
    public MessageView withAttachment(Optional<AttachmentView> file) {
        return new MessageView(id, contact, outgoing, text, sentAt, status, failure, position, reactions, edited, deleted,
                quote, file, system, sender);
    }

    /**
     * A copy whose quote lost the text it copied (the original was deleted or removed, and the store erased the copy
     * with it); the quote keeps its author, as a reloaded page shows it.
     */
    public MessageView withoutQuotedText() {
        return new MessageView(id, contact, outgoing, text, sentAt, status, failure, position, reactions, edited, deleted,
                quote.map(q -> new QuoteView(q.targetId(), q.author(), Optional.empty())), attachment, system, sender);
    }

    /** The tombstone left when the message was deleted for everyone: no text, no reactions, no file. */
    public MessageView asDeleted() {
        return new MessageView(id, contact, outgoing, "", sentAt, status, failure, position, List.of(), edited, true,
                quote, Optional.empty(), system, sender);
    }

    @Override
    public String toString() {
        return "MessageView[" + (outgoing ? "out" : "in") + ", " + status + "]";
    }
}
