package dev.parley.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.MessageView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConversationItemTest {
    private final ConversationItem carol = new ConversationItem(new ContactView("carol", false, false), Optional.empty(), 0);
    private final ConversationItem bob = new ConversationItem(new ContactView("bob", true, false),
            Optional.of(Messages.in("bob", "see you\nat 8", "2026-03-02T09:00:00Z", MessageView.Status.UNREAD)), 1);
    private final ConversationItem dave = new ConversationItem(new ContactView("dave", false, false),
            Optional.of(Messages.out("dave", "sent it", "2026-03-03T09:00:00Z", MessageView.Status.READ)), 0);
    private final ConversationItem amy = new ConversationItem(new ContactView("amy", false, false), Optional.empty(), 0);

    @Test
    void sortedByRecentActivityThenName() {
        List<ConversationItem> items = new ArrayList<>(List.of(carol, bob, amy, dave));
        items.sort(ConversationItem.BY_RECENT_ACTIVITY);
        assertThat(items).extracting(ConversationItem::username).containsExactly("dave", "bob", "amy", "carol");
    }

    @Test
    void previewShowsTheFirstLineAndWhoWroteIt() {
        assertThat(bob.preview()).isEqualTo("see you ...");
        assertThat(dave.preview()).isEqualTo("You: sent it");
        assertThat(carol.preview()).isEmpty();
    }

    @Test
    void filterMatchesNameOrPreviewIgnoringCase() {
        assertThat(bob.matches("BO")).isTrue();
        assertThat(bob.matches("see")).isTrue();
        assertThat(bob.matches("xyz")).isFalse();
        assertThat(bob.matches("  ")).isTrue();
        assertThat(bob.matches("at 8")).as("past the preview's first line").isTrue();
        assertThat(dave.matches("you")).as("not the preview's 'You: '").isFalse();
        assertThat(dave.matches("SENT")).isTrue();
    }

    @Test
    void filterComparesInPlaceWithTheSameResultsAsLowerCasingBothSides() {
        ConversationItem zoe = new ConversationItem(new ContactView("zoe", false, false),
                Optional.of(Messages.in("zoe", "Grüße aus MÜNCHEN, ΣΟΦΊΑ", "2026-03-02T09:00:00Z",
                        MessageView.Status.SEEN)), 0);
        for (String filter : List.of("münchen", "MÜN", "grüße", "σοφία", "ΣΟΦ", "chen,", "zo", "", "x", "münchenx")) {
            String lower = filter.strip().toLowerCase(java.util.Locale.ROOT);
            boolean expected = "zoe".contains(lower)
                    || "grüße aus münchen, σοφία".contains(lower);
            assertThat(zoe.matchesLowerCase(lower)).as(filter).isEqualTo(expected);
            assertThat(zoe.matches(filter)).as(filter).isEqualTo(expected);
        }
    }

    @Test
    void newerMessagesReplaceThePreviewAndCountUnread() {
        MessageView later = Messages.in("bob", "hello?", "2026-03-04T09:00:00Z", MessageView.Status.UNREAD);
        ConversationItem updated = bob.withMessage(later, 1);
        assertThat(updated.last()).contains(later);
        assertThat(updated.unread()).isEqualTo(2);
        MessageView older = Messages.in("bob", "old", "2026-01-01T09:00:00Z", MessageView.Status.SEEN);
        assertThat(updated.withMessage(older, 0).last()).contains(later);
    }

    @Test
    void aSystemLineIsPreviewedWithoutYou() {
        dev.parley.desktop.ui.common.MessageView line = new dev.parley.desktop.ui.common.MessageView("sys-1", "bob", true,
                "alice set disappearing messages to 1 hour", java.time.Instant.parse("2026-03-01T10:00:00Z"),
                dev.parley.desktop.ui.common.MessageView.Status.SENT, java.util.Optional.empty(), 1, java.util.List.of(),
                false, false, java.util.Optional.empty(), java.util.Optional.empty(), true);
        ConversationItem item = new ConversationItem(new dev.parley.desktop.ui.common.ContactView("bob", false, false),
                java.util.Optional.of(line), 0);
        assertThat(item.preview()).isEqualTo("alice set disappearing messages to 1 hour");
    }
}
