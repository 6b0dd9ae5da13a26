package dev.parley.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which parts of a message become clickable: http and https links with a host, without sentence punctuation. */
class LinkTextTest {

    @Test
    void webLinksAreSplitOutWithoutTrailingPunctuation() {
        assertThat(LinkText.split("see https://example.org/a?b=c&d=e. ok")).containsExactly(
                new LinkText.Segment("see ", false), new LinkText.Segment("https://example.org/a?b=c&d=e", true),
                new LinkText.Segment(". ok", false));
        assertThat(LinkText.split("(http://x.example/path), and HTTPS://Y.example!")).containsExactly(
                new LinkText.Segment("(", false), new LinkText.Segment("http://x.example/path", true),
                new LinkText.Segment("), and ", false), new LinkText.Segment("HTTPS://Y.example", true),
                new LinkText.Segment("!", false));
    }

    @Test
    void otherSchemesAndBrokenUrlsStayText() {
        for (String text : List.of("javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/x",
                "parley://add/bob", "https://", "https://under_score.example/", "http://[::1", "no links here")) {
            assertThat(LinkText.hasLink(text)).as(text).isFalse();
            assertThat(String.join("", LinkText.split(text).stream().map(LinkText.Segment::text).toList()))
                    .isEqualTo(text);
        }
        assertThat(LinkText.split("")).isEmpty();
    }
}
