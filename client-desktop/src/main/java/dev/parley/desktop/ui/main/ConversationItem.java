package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.TextMatch;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the conversation list.
 *
 * @param contact the contact
 * @param last    the newest message, if any
 * @param unread  incoming messages not yet shown
 * @param muted    no notifications for it
 * @param archived listed under "Archived"
 */
public record ConversationItem(ContactView contact, Optional<MessageView> last, int unread, boolean muted,
                               boolean archived) {
    /**
     * Most recent activity first; conversations without messages after them, by name. Allocates nothing: a sort of a
     * thousand conversations compares about ten thousand times, on every filter keystroke.
     */
    public static final Comparator<ConversationItem> BY_RECENT_ACTIVITY = (a, b) -> {
        int byTime = b.activityOrMin().compareTo(a.activityOrMin());
        return byTime != 0 ? byTime : a.contact().shownName().compareTo(b.contact().shownName());
    };

    public ConversationItem {
        Objects.requireNonNull(contact);
        Objects.requireNonNull(last);
        if (unread < 0) {
            throw new IllegalArgumentException("unread must be >= 0");
        }
    }

    /** Neither muted nor archived. */
    public ConversationItem(ContactView contact, Optional<MessageView> last, int unread) {
        this(contact, last, unread, false, false);
    }

    /** A copy with these marks. */
    public ConversationItem withMarks(boolean nowMuted, boolean nowArchived) {
        return new ConversationItem(contact, last, unread, nowMuted, nowArchived);
    }

    /** A copy with {@code count} unread messages. */
    public ConversationItem withUnread(int count) {
        return new ConversationItem(contact, last, count, muted, archived);
    }

    /** A copy about {@code changed} (its trust changed). */
    public ConversationItem withContact(ContactView changed) {
        return new ConversationItem(changed, last, unread, muted, archived);
    }

    public String username() {
        return contact.username();
    }

    public Optional<Instant> lastActivity() {
        return last.map(MessageView::sentAt);
    }

    private Instant activityOrMin() {
        return last.isPresent() ? last.get().sentAt() : Instant.MIN;
    }

    /** The preview line: the newest message's first line, with "You: " for outgoing ones; empty without messages. */
    public String preview() {
        return last.map(m -> (m.outgoing() && !m.system() ? "You: " : m.showsSender() ? m.sender() + ": " : "") + (m.deleted() ? "This message was deleted" : firstLine(m.text())))
                .orElse("");
    }

    /**
     * Whether the filter text matches the name or the newest message's text (case-insensitive; the whole text, not
     * only the part the preview line shows, and not the "You: " the preview adds).
     */
    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        return matchesLowerCase(filter.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * As {@link #matches}, for a filter already stripped and lower-cased (once per keystroke, not once per
     * conversation); compares in place rather than lower-casing every name and message on every keystroke.
     */
    public boolean matchesLowerCase(String lowerCaseFilter) {
        return lowerCaseFilter.isEmpty() || TextMatch.containsIgnoringCase(contact.shownName(), lowerCaseFilter)
                || last.isPresent() && TextMatch.containsIgnoringCase(last.get().text(), lowerCaseFilter);
    }

    /** A copy with {@code message} as the newest message and the unread count changed by {@code unreadDelta}. */
    public ConversationItem withMessage(MessageView message, int unreadDelta) {
        boolean newer = last.map(l -> !message.sentAt().isBefore(l.sentAt())).orElse(true);
        return new ConversationItem(contact, newer ? Optional.of(message) : last, Math.max(0, unread + unreadDelta), muted,
                archived);
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int nl = stripped.indexOf('\n');
        return nl < 0 ? stripped : stripped.substring(0, nl) + " ...";
    }
}
