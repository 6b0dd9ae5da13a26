package dev.parley.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** #18 item 5: a search result shows the text around the match, the match itself marked, not the message's start. */
class SearchSnippetTest {
    private static final String LONG = "We talked for a long time about the garden, the weather, the neighbours and "
            + "their dog, and then at the very end about the zeppelin museum in Friedrichshafen, which we should visit "
            + "next summer when the days are long and warm.";

    @Test
    void aMatchFarIntoTheMessageIsCentred() {
        SearchSnippet s = SearchSnippet.of(LONG, "ZEPPELIN", 60);
        assertThat(s.match()).isEqualTo("zeppelin");
        assertThat(s.before()).startsWith("\u2026").endsWith("about the ");
        assertThat(s.after()).startsWith(" museum").endsWith("\u2026");
        int left = s.before().length();
        int right = s.after().length();
        assertThat(Math.abs(left - right)).as("centred").isLessThanOrEqualTo(3);
        assertThat(left + s.match().length() + right).isLessThanOrEqualTo(62);
    }

    @Test
    void aMatchNearTheStartUsesTheRoomAfterIt() {
        SearchSnippet s = SearchSnippet.of(LONG, "talked", 40);
        assertThat(s.before()).isEqualTo("We ");
        assertThat(s.match()).isEqualTo("talked");
        assertThat(s.after()).endsWith("\u2026");
        assertThat(s.before().length() + s.match().length() + s.after().length()).isEqualTo(41);
    }

    @Test
    void aMatchAtTheEndUsesTheRoomBeforeIt() {
        SearchSnippet s = SearchSnippet.of("one two three four five six seven eight nine ten", "ten", 20);
        assertThat(s.match()).isEqualTo("ten");
        assertThat(s.after()).isEmpty();
        assertThat(s.before()).startsWith("\u2026").hasSize(18);
    }

    @Test
    void wordsOfTheQueryMatchWhenTheWholeQueryDoesNot() {
        SearchSnippet s = SearchSnippet.of("see you at the\nmuseum tomorrow", "museum visit", 80);
        assertThat(s).isEqualTo(new SearchSnippet("see you at the ", "museum", " tomorrow"));
    }

    @Test
    void noMatchShowsTheStart() {
        assertThat(SearchSnippet.of("short text", "xyz", 80)).isEqualTo(new SearchSnippet("short text", "", ""));
    }
}
