package dev.parley.desktop.ui.main;

import static dev.parley.desktop.ui.common.MessageView.Status.DELIVERED;
import static dev.parley.desktop.ui.common.MessageView.Status.SEEN;
import static dev.parley.desktop.ui.common.MessageView.Status.UNREAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.ui.common.MessageView;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatTimelineTest {
    private final ChatTimeline timeline = new ChatTimeline(ZoneOffset.UTC);

    private final MessageView a1 = Messages.in("bob", "hi", "2026-03-01T10:00:00Z", SEEN);
    private final MessageView a2 = Messages.out("bob", "hello", "2026-03-01T10:01:00Z", DELIVERED);
    private final MessageView b1 = Messages.in("bob", "tomorrow?", "2026-03-02T09:00:00Z", SEEN);
    private final MessageView b2 = Messages.in("bob", "are you there", "2026-03-02T09:05:00Z", UNREAD);
    private final MessageView b3 = Messages.in("bob", "ping", "2026-03-02T09:06:00Z", UNREAD);

    @Test
    void chronologicalWithDayDividersAndGroups() {
        List<ChatRow> rows = timeline.rows(List.of(b1, a2, a1), false);
        assertThat(rows).containsExactly(
                new ChatRow.DayDivider(LocalDate.of(2026, 3, 1)),
                new ChatRow.MessageRow(a1, true),
                new ChatRow.MessageRow(a2, true),
                new ChatRow.DayDivider(LocalDate.of(2026, 3, 2)),
                new ChatRow.MessageRow(b1, true));
    }

    @Test
    void unreadMarkerSitsAboveTheOldestOfTheTrailingUnreadMessages() {
        List<ChatRow> rows = timeline.rows(List.of(b3, b2, b1), true);
        assertThat(rows).containsExactly(
                new ChatRow.DayDivider(LocalDate.of(2026, 3, 2)),
                new ChatRow.MessageRow(b1, true),
                new ChatRow.UnreadMarker(2),
                new ChatRow.MessageRow(b2, true),
                new ChatRow.MessageRow(b3, false));
        assertThat(timeline.rows(List.of(b3, b2, b1), false)).doesNotHaveAnyElementsOfTypes(ChatRow.UnreadMarker.class);
    }

    @Test
    void aReplyRemovesTheUnreadMarkerAndTheBubbleBelowRegroups() {
        List<ChatRow> rows = new ArrayList<>(timeline.rows(List.of(b3, b2, b1), true));
        assertThat(ChatTimeline.removeUnreadMarker(rows)).isTrue();
        assertThat(rows).containsExactly(
                new ChatRow.DayDivider(LocalDate.of(2026, 3, 2)),
                new ChatRow.MessageRow(b1, true),
                new ChatRow.MessageRow(b2, false),
                new ChatRow.MessageRow(b3, false));
        assertThat(ChatTimeline.removeUnreadMarker(rows)).isFalse();
    }

    @Test
    void appendAddsADividerOnlyOnANewDay() {
        List<ChatRow> rows = new ArrayList<>(timeline.rows(List.of(a2, a1), false));
        assertThat(timeline.append(rows, Messages.out("bob", "again", "2026-03-01T11:00:00Z", DELIVERED)))
                .hasSize(1).allMatch(r -> r instanceof ChatRow.MessageRow && !((ChatRow.MessageRow) r).firstOfGroup());
        assertThat(timeline.append(rows, b1)).hasSize(2).first().isEqualTo(new ChatRow.DayDivider(LocalDate.of(2026, 3, 2)));
        assertThat(timeline.append(List.of(), b1)).hasSize(2);
    }

    @Test
    void prependingAnOlderPageOfTheSameDayMergesTheDivider() {
        List<ChatRow> newer = timeline.rows(List.of(b2, b1), false);
        MessageView older = Messages.in("bob", "good morning", "2026-03-02T08:00:00Z", SEEN);
        List<ChatRow> merged = timeline.prepend(newer, List.of(older, a2));
        assertThat(merged).containsExactly(
                new ChatRow.DayDivider(LocalDate.of(2026, 3, 1)),
                new ChatRow.MessageRow(a2, true),
                new ChatRow.DayDivider(LocalDate.of(2026, 3, 2)),
                new ChatRow.MessageRow(older, true),
                new ChatRow.MessageRow(b1, false),
                new ChatRow.MessageRow(b2, false));
    }

    @Test
    void inPlacePrependMatchesTheCopyingOneAndReportsTheRowsAdded() {
        List<ChatRow> rows = new ArrayList<>(timeline.rows(List.of(b2, b1), false));
        MessageView older = Messages.in("bob", "good morning", "2026-03-02T08:00:00Z", SEEN);
        List<ChatRow> expected = timeline.prepend(rows, List.of(older, a2));
        int added = timeline.prependTo(rows, List.of(older, a2));
        assertThat(rows).isEqualTo(expected);
        assertThat(added).isEqualTo(3);
        assertThat(timeline.prependTo(rows, List.of())).isZero();
    }

    @Test
    void appendingANewerPageGroupsAndDividesLikeSingleAppends() {
        List<ChatRow> rows = new ArrayList<>(timeline.rows(List.of(a1), false));
        timeline.appendTo(rows, List.of(a2, b1, b2));
        assertThat(rows).isEqualTo(timeline.rows(List.of(b2, b1, a2, a1), false));
    }

    @Test
    void droppingTheNewestKeepsNoDanglingDivider() {
        List<ChatRow> rows = new ArrayList<>(timeline.rows(List.of(b2, b1, a2, a1), false));
        ChatTimeline.dropNewest(rows, 2);
        assertThat(rows).isEqualTo(timeline.rows(List.of(a2, a1), false));
        assertThat(ChatTimeline.messageCount(rows)).isEqualTo(2);
    }

    @Test
    void droppingTheOldestGivesTheNewTopItsDividerAndReportsTheRowsRemoved() {
        List<ChatRow> rows = new ArrayList<>(timeline.rows(List.of(b2, b1, a2, a1), false));
        int removed = timeline.dropOldest(rows, 1);
        assertThat(rows).isEqualTo(timeline.rows(List.of(b2, b1, a2), false));
        assertThat(removed).isEqualTo(1);
        removed = timeline.dropOldest(rows, 2);
        assertThat(rows).isEqualTo(timeline.rows(List.of(b2), false));
        assertThat(removed).isEqualTo(3);
    }

    @Test
    void statusesOnlyMoveForward() {
        assertThat(MessageView.Status.SENDING.canAdvanceTo(MessageView.Status.SENT)).isTrue();
        assertThat(MessageView.Status.READ.canAdvanceTo(MessageView.Status.DELIVERED)).isFalse();
        assertThat(MessageView.Status.DELIVERED.canAdvanceTo(MessageView.Status.FAILED)).isFalse();
        assertThat(UNREAD.canAdvanceTo(SEEN)).isTrue();
        assertThat(SEEN.canAdvanceTo(UNREAD)).isFalse();
    }

    @Test
    void unseenArrivalsGrowTheMarkerAndAfterAReplyANewMarkerGoesAboveTheNextArrival() {
        List<ChatRow> rows = new ArrayList<>(timeline.rows(List.of(b3, b2, b1), true));
        MessageView b4 = Messages.in("bob", "hello?", "2026-03-02T09:07:00Z", UNREAD);
        List<ChatRow> added = new ArrayList<>(timeline.append(rows, b4));
        ChatTimeline.markUnseen(rows, added);
        rows.addAll(added);
        assertThat(rows).contains(new ChatRow.UnreadMarker(3)).doesNotContain(new ChatRow.UnreadMarker(2));
        assertThat(rows.get(rows.size() - 1)).isEqualTo(new ChatRow.MessageRow(b4, false));

        // the user replies: the marker goes; the next unseen message gets a new one right above it
        ChatTimeline.removeUnreadMarker(rows);
        MessageView reply = Messages.out("bob", "yes, here", "2026-03-02T09:08:00Z", DELIVERED);
        rows.addAll(timeline.append(rows, reply));
        MessageView b5 = Messages.in("bob", "great", "2026-03-02T09:09:00Z", UNREAD);
        added = new ArrayList<>(timeline.append(rows, b5));
        ChatTimeline.markUnseen(rows, added);
        rows.addAll(added);
        assertThat(rows.subList(rows.size() - 3, rows.size())).containsExactly(
                new ChatRow.MessageRow(reply, true),
                new ChatRow.UnreadMarker(1),
                new ChatRow.MessageRow(b5, true));
        assertThat(rows.stream().filter(r -> r instanceof ChatRow.UnreadMarker).count()).isEqualTo(1);
    }
}
