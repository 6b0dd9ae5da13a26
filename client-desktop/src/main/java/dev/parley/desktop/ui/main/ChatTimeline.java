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
            boolean first = newDay || i == firstUnread || newAuthor(previous, m);
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
        boolean first = newDay || newAuthor(last, message)
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
                rest.set(0, new ChatRow.MessageRow(top, newAuthor(lastOlder, top)));
            }
        }
        result.addAll(rest);
        return result;
    }

    /**
     * Inserts an older page ({@code olderNewestFirst}) at the top of {@code rows}, in place: the existing top divider
     * goes when the older page ends on the same day, and the old top bubble's grouping is recomputed.
     *
     * @return how many rows the top grew by (the view scrolls down by that much to keep its place)
     */
    public int prependTo(List<ChatRow> rows, List<MessageView> olderNewestFirst) {
        if (olderNewestFirst.isEmpty()) {
            return 0;
        }
        int before = rows.size();
        List<ChatRow> older = rows(olderNewestFirst, false);
        MessageView lastOlder = lastMessage(older);
        if (!rows.isEmpty() && rows.get(0) instanceof ChatRow.DayDivider
                && ((ChatRow.DayDivider) rows.get(0)).day().equals(dayOf(lastOlder))) {
            rows.remove(0);
            if (!rows.isEmpty() && rows.get(0) instanceof ChatRow.MessageRow) {
                MessageView top = ((ChatRow.MessageRow) rows.get(0)).message();
                boolean first = newAuthor(lastOlder, top);
                if (first != ((ChatRow.MessageRow) rows.get(0)).firstOfGroup()) {
                    rows.set(0, new ChatRow.MessageRow(top, first));
                }
            }
        }
        rows.addAll(0, older);
        return rows.size() - before;
    }

    /** Appends newer messages ({@code newerOldestFirst}) at the end of {@code rows}, in place. */
    public void appendTo(List<ChatRow> rows, List<MessageView> newerOldestFirst) {
        List<ChatRow> added = new ArrayList<>(newerOldestFirst.size() + 4);
        MessageView last = lastMessage(rows);
        for (MessageView m : newerOldestFirst) {
            boolean newDay = last == null || !dayOf(last).equals(dayOf(m));
            if (newDay) {
                added.add(new ChatRow.DayDivider(dayOf(m)));
            }
            boolean first = newDay || newAuthor(last, m) || lastRowIsNotMessage(rows, added);
            added.add(new ChatRow.MessageRow(m, first));
            last = m;
        }
        rows.addAll(added);
    }

    private static boolean lastRowIsNotMessage(List<ChatRow> rows, List<ChatRow> added) {
        ChatRow last = !added.isEmpty() ? added.get(added.size() - 1) : rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return !(last instanceof ChatRow.MessageRow);
    }

    /**
     * Removes the "N new messages" marker from {@code rows}, in place, as when the user replies (the marker has
     * done its job: what follows it is no longer new to them); the bubble below it regroups with the one above.
     *
     * @return whether there was a marker
     */
    /**
     * Marks {@code added} (the rows {@link #append} made for an incoming message the user has not seen: the window is
     * not focused) as new: the marker that counts the unseen messages at the end grows by one, or, when there is
     * none (the user replied since, which removed it), a new one goes right above this message. So the "N new
     * messages" divider moves down to the first message that came after the user's reply.
     */
    public static void markUnseen(List<ChatRow> rows, List<ChatRow> added) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            ChatRow row = rows.get(i);
            if (row instanceof ChatRow.MessageRow m && m.message().outgoing()) {
                break;
            }
            if (row instanceof ChatRow.UnreadMarker marker) {
                rows.set(i, new ChatRow.UnreadMarker(marker.count() + 1));
                return;
            }
        }
        removeUnreadMarker(rows);
        for (int i = 0; i < added.size(); i++) {
            if (added.get(i) instanceof ChatRow.MessageRow m) {
                added.set(i, new ChatRow.MessageRow(m.message(), true));
                added.add(i, new ChatRow.UnreadMarker(1));
                return;
            }
        }
    }

    public static boolean removeUnreadMarker(List<ChatRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof ChatRow.UnreadMarker) {
                rows.remove(i);
                if (i < rows.size() && rows.get(i) instanceof ChatRow.MessageRow) {
                    ChatRow.MessageRow below = (ChatRow.MessageRow) rows.get(i);
                    boolean first = i == 0 || !(rows.get(i - 1) instanceof ChatRow.MessageRow)
                            || newAuthor(((ChatRow.MessageRow) rows.get(i - 1)).message(), below.message());
                    if (first != below.firstOfGroup()) {
                        rows.set(i, new ChatRow.MessageRow(below.message(), first));
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** How many message bubbles {@code rows} holds. */
    public static int messageCount(List<ChatRow> rows) {
        int n = 0;
        for (ChatRow r : rows) {
            if (r instanceof ChatRow.MessageRow) {
                n++;
            }
        }
        return n;
    }

    /**
     * Drops the {@code count} newest bubbles from the end of {@code rows} (and the dividers or marker left without a
     * bubble below them), in place. Rows above stay where they are.
     */
    public static void dropNewest(List<ChatRow> rows, int count) {
        int cut = rows.size();
        int dropped = 0;
        while (cut > 0 && dropped < count) {
            cut--;
            if (rows.get(cut) instanceof ChatRow.MessageRow) {
                dropped++;
            }
        }
        while (cut > 0 && !(rows.get(cut - 1) instanceof ChatRow.MessageRow)) {
            cut--;
        }
        if (cut < rows.size()) {
            rows.subList(cut, rows.size()).clear();
        }
    }

    /**
     * Drops the {@code count} oldest bubbles from the top of {@code rows}, in place; the new top bubble gets its day
     * divider and starts a group.
     *
     * @return how many rows the top shrank by (the view scrolls up by that much to keep its place)
     */
    public int dropOldest(List<ChatRow> rows, int count) {
        int before = rows.size();
        int cut = 0;
        int dropped = 0;
        while (cut < rows.size() && dropped < count) {
            if (rows.get(cut) instanceof ChatRow.MessageRow) {
                dropped++;
            }
            cut++;
        }
        while (cut < rows.size() && !(rows.get(cut) instanceof ChatRow.MessageRow)
                && !(rows.get(cut) instanceof ChatRow.DayDivider)) {
            cut++;
        }
        if (cut == 0) {
            return 0;
        }
        rows.subList(0, cut).clear();
        if (!rows.isEmpty() && rows.get(0) instanceof ChatRow.MessageRow) {
            MessageView top = ((ChatRow.MessageRow) rows.get(0)).message();
            rows.set(0, new ChatRow.MessageRow(top, true));
            rows.add(0, new ChatRow.DayDivider(dayOf(top)));
        }
        return before - rows.size();
    }

    private static MessageView lastMessage(List<ChatRow> rows) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i) instanceof ChatRow.MessageRow) {
                return ((ChatRow.MessageRow) rows.get(i)).message();
            }
        }
        return null;
    }

    /**
     * Whether {@code next} starts a new run of bubbles after {@code previous}: the direction changed or, in a group,
     * another member wrote it (its bubble then names them).
     */
    static boolean newAuthor(MessageView previous, MessageView next) {
        return previous.outgoing() != next.outgoing() || !previous.sender().equals(next.sender());
    }
}
