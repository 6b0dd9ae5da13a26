package dev.parley.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.service.messaging.Emoji;
import dev.parley.desktop.ui.common.ReactionView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The picker's catalogue and search, the chips a bubble shows for its reactions, and the recent emoji. */
class EmojiCatalogueTest {

    @Test
    void everyEntryIsAReactionTheServiceAcceptsAndHasAName() {
        assertThat(EmojiCatalogue.all()).hasSizeGreaterThan(80).doesNotHaveDuplicates()
                .allMatch(Emoji::isEmoji).allMatch(e -> !EmojiCatalogue.name(e).isEmpty());
        assertThat(EmojiCatalogue.all()).containsAll(MessageActionsViewModel.QUICK_REACTIONS);
    }

    @Test
    void searchMatchesEveryWordOfTheUnicodeName() {
        assertThat(EmojiCatalogue.search("rocket")).containsExactly("\uD83D\uDE80");
        assertThat(EmojiCatalogue.search("  THUMBS  up ")).containsExactly("\uD83D\uDC4D");
        assertThat(EmojiCatalogue.search("heart")).contains("\u2764", "\uD83D\uDC94", "\uD83D\uDC99").hasSizeGreaterThan(6);
        assertThat(EmojiCatalogue.search("zeppelin")).isEmpty();
        assertThat(EmojiCatalogue.search(" ")).isEqualTo(EmojiCatalogue.all());
    }

    @Test
    void chipsGroupByEmojiInOrderOfFirstUseAndMarkTheUsersOwn() {
        List<ReactionChips.Chip> chips = ReactionChips.of(List.of(new ReactionView("bob", "\u2764"),
                new ReactionView("alice", "\uD83D\uDC4D"), new ReactionView("carol", "\u2764")), "alice");
        assertThat(chips).containsExactly(new ReactionChips.Chip("\u2764", List.of("bob", "carol"), false),
                new ReactionChips.Chip("\uD83D\uDC4D", List.of("alice"), true));
        assertThat(chips.get(0).count()).isEqualTo(2);
        assertThat(ReactionChips.of(List.of(), "alice")).isEmpty();
    }

    @Test
    void recentKeepsTheNewestFirstWithoutRepeatsAndAtMostEight() {
        RecentEmoji recent = new RecentEmoji();
        for (String e : EmojiCatalogue.all().subList(0, 10)) {
            recent.used(e);
        }
        recent.used(EmojiCatalogue.all().get(5));
        assertThat(recent.list()).hasSize(RecentEmoji.MAX).startsWith(EmojiCatalogue.all().get(5), EmojiCatalogue.all().get(9))
                .doesNotHaveDuplicates().doesNotContain(EmojiCatalogue.all().get(0), EmojiCatalogue.all().get(1));
    }
}
