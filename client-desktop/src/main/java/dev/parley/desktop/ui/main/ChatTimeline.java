package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.MessageView;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Turns messages into chat rows: chronological order, a divider at the start of each day, bubbles grouped by
 * direction, and the "N new messages" marker above the oldest of the unread incoming messages at the end of the
 * conversation. Pure; no toolkit.
 */
public final class ChatTimeline {
    private final ZoneId zone;

    public ChatTimeline(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone);
    }

    public LocalDate dayOf(MessageView message) {
        return message.sentAt().atZone(zone).toLocalDate();
    }

    /** Whether an incoming message has not been shown to the user yet. */
    public static boolean isUnread(MessageView message) {
        return message.unread();
    }

    /**
     * Rows for a conversation page given newest first (as the history service returns it).
     *
     * @param newestFirst the messages, newest first
     * @param markUnread  whether to insert the unread marker (true when the conversation is opened)
     */
    public List<ChatRow> rows(List<MessageView> newestFirst, boolean markUnread) {
        List<MessageView> chronological = new ArrayList<>(newestFirst);
        Collections.reverse(chronological);
        int unread = 0;
        int firstUnread = -1;
        if (markUnread) {
            for (int i = chronological.size() - 1; i >= 0 && isUnread(chronological.get(i)); i--) {
                unread++;
                firstUnread = i;
            }
        }
        List<ChatRow> rows = new ArrayList<>(chronological.size() + 8);
        MessageView previous = null;
        for (int i = 0; i < chronological.size(); i++) {
            MessageView m = chronological.get(i);
            boolean newDay = previous == null || !dayOf(previous).equals(dayOf(m));
            if (newDay) {
                rows.add(new ChatRow.DayDivider(dayOf(m)));
            }
            if (i == firstUnread) {
                rows.add(new ChatRow.UnreadMarker(unread));
            }
            boolean first = newDay || i == firstUnread || previous.outgoing() != m.outgoing();
            rows.add(new ChatRow.MessageRow(m, first));
            previous = m;
        }
        return rows;
    }

    /** The rows to append after {@code existing} for one newer message: a day divider if needed, then the bubble. */
    public List<ChatRow> append(List<ChatRow> existing, MessageView message) {
        MessageView last = lastMessage(existing);
        List<ChatRow> added = new ArrayList<>(2);
        boolean newDay = last == null || !dayOf(last).equals(dayOf(message));
        if (newDay) {
            added.add(new ChatRow.DayDivider(dayOf(message)));
        }
        boolean first = newDay || last.outgoing() != message.outgoing()
                || !(existing.get(existing.size() - 1) instanceof ChatRow.MessageRow);
        added.add(new ChatRow.MessageRow(message, first));
        return added;
    }

    /**
     * Prepends an older page ({@code olderNewestFirst}) to {@code existing} and returns the complete new row list;
     * the existing top divider is dropped when the older page ends on the same day.
     */
    public List<ChatRow> prepend(List<ChatRow> existing, List<MessageView> olderNewestFirst) {
        List<ChatRow> result = new ArrayList<>(rows(olderNewestFirst, false));
        MessageView lastOlder = lastMessage(result);
        List<ChatRow> rest = new ArrayList<>(existing);
        if (lastOlder != null && !rest.isEmpty() && rest.get(0) instanceof ChatRow.DayDivider
                && ((ChatRow.DayDivider) rest.get(0)).day().equals(dayOf(lastOlder))) {
            rest.remove(0);
            if (!rest.isEmpty() && rest.get(0) instanceof ChatRow.MessageRow) {
                MessageView top = ((ChatRow.MessageRow) rest.get(0)).message();
                rest.set(0, new ChatRow.MessageRow(top, top.outgoing() != lastOlder.outgoing()));
            }
        }
        result.addAll(rest);
        return result;
    }

    private static MessageView lastMessage(List<ChatRow> rows) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i) instanceof ChatRow.MessageRow) {
                return ((ChatRow.MessageRow) rows.get(i)).message();
            }
        }
        return null;
    }
}
