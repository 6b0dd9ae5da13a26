package dev.parley.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.ui.common.ContactLook;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.MessageView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue #14: the conversation list's filter (folded keys made once, narrowing the previous result while the query
 * grows) gives exactly what testing every conversation with lower-cased text gives, whatever is typed or erased.
 */
class ConversationFilterTest {
    private static final List<String> NAMES = List.of("María Chen", "Zoë Weekend", "ΣΟΦΊΑ", "friend01", "Grüße Amy");
    private final Map<String, ContactLook> looks = new HashMap<>();
    private final ConversationFilter filter = new ConversationFilter(looks::get);
    private final List<ConversationItem> items = new ArrayList<>();

    ConversationFilterTest() {
        for (int i = 0; i < 300; i++) {
            String user = "user" + i;
            String text = i % 3 == 0 ? "see you at the WEEKEND " + i : "Grüße aus München " + i;
            boolean archived = i % 11 == 0;
            items.add(new ConversationItem(new ContactView(user, false, false),
                    i % 5 == 0 ? Optional.empty() : Optional.of(Messages.in(user, text, "2026-03-02T09:00:00Z",
                            MessageView.Status.SEEN)), 0, false, archived));
            if (i % 2 == 0) {
                looks.put(user, new ContactLook(user, NAMES.get(i % NAMES.size()), true, Optional.empty(),
                        ContactLook.Presence.NONE));
            }
        }
    }

    @Test
    void typingOnAndErasingGiveWhatTestingEveryConversationGives() {
        for (String word : List.of("maria", "MÜN", "weekend 2", "σοφ", "user1", "zz", " chen ", "0")) {
            for (boolean archived : List.of(false, true)) {
                for (int n = 0; n <= word.length(); n++) {
                    check(word.substring(0, n), archived);
                }
                for (int n = word.length(); n >= 0; n--) {
                    check(word.substring(0, n), archived);
                }
            }
        }
    }

    @Test
    void aChangedLookOrConversationIsMatchedByItsNewTextAfterInvalidate() {
        check("bob", false);
        looks.put("user1", new ContactLook("user1", "Bob Builder", true, Optional.empty(), ContactLook.Presence.NONE));
        filter.invalidate();
        assertThat(filter.apply(items, "bob", false)).extracting(ConversationItem::username).containsExactly("user1");
        items.set(2, items.get(2).withMessage(Messages.in("user2", "Bobbing along", "2026-03-03T09:00:00Z",
                MessageView.Status.SEEN), 0));
        filter.invalidate();
        assertThat(filter.apply(items, "bobb", false)).extracting(ConversationItem::username)
                .containsExactly("user2");
    }

    @Test
    void aRandomSequenceOfEditsAgreesWithTheFullTest() {
        Random random = new Random(14);
        String alphabet = "aeimnrsuwek0123 ü";
        StringBuilder query = new StringBuilder();
        for (int step = 0; step < 400; step++) {
            if (query.length() > 0 && random.nextInt(3) == 0) {
                query.deleteCharAt(random.nextInt(query.length()));
            } else {
                query.insert(random.nextInt(query.length() + 1), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            check(query.toString(), step % 50 == 49);
        }
    }

    private void check(String query, boolean archived) {
        String lower = query.strip().toLowerCase(Locale.ROOT);
        List<String> expected = items.stream()
                .filter(i -> i.archived() == archived)
                .filter(i -> lower.isEmpty() || i.contact().shownName().toLowerCase(Locale.ROOT).contains(lower)
                        || i.last().map(m -> m.text().toLowerCase(Locale.ROOT).contains(lower)).orElse(false)
                        || looks.containsKey(i.username())
                        && looks.get(i.username()).shown().toLowerCase(Locale.ROOT).contains(lower))
                .map(ConversationItem::username).toList();
        assertThat(filter.apply(items, query, archived)).extracting(ConversationItem::username).as(query)
                .containsExactlyElementsOf(expected);
    }
}
