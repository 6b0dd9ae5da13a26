package dev.parley.desktop.ui.main;

import java.util.Locale;
import java.util.Objects;

/**
 * The part of a message a search result shows: about {@code width} characters centred on the first match of the
 * query (the whole query, else its first word that occurs), split so the match can be highlighted. Line breaks show
 * as spaces; an ellipsis marks text left out at either end.
 *
 * @param before text before the match (with a leading "..." when cut)
 * @param match  the matched text as written in the message; empty when nothing matched
 * @param after  text after the match (with a trailing "..." when cut)
 */
public record SearchSnippet(String before, String match, String after) {
    private static final String ELLIPSIS = "\u2026";

    public SearchSnippet {
        Objects.requireNonNull(before);
        Objects.requireNonNull(match);
        Objects.requireNonNull(after);
    }

    /** The snippet of {@code text} for {@code query}, at most about {@code width} characters. */
    public static SearchSnippet of(String text, String query, int width) {
        String flat = text.replaceAll("\\s+", " ").strip();
        String lower = flat.toLowerCase(Locale.ROOT);
        int at = -1;
        int length = 0;
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (!q.isEmpty()) {
            at = lower.indexOf(q);
            length = q.length();
            if (at < 0) {
                for (String word : q.split("\\s+")) {
                    at = lower.indexOf(word);
                    if (at >= 0) {
                        length = word.length();
                        break;
                    }
                }
            }
        }
        if (at < 0) {
            return flat.length() <= width ? new SearchSnippet(flat, "", "")
                    : new SearchSnippet(flat.substring(0, width) + ELLIPSIS, "", "");
        }
        int room = Math.max(0, width - length);
        int start = Math.max(0, at - room / 2);
        int end = Math.min(flat.length(), at + length + (room - (at - start)));
        start = Math.max(0, Math.min(start, end - width));
        return new SearchSnippet((start > 0 ? ELLIPSIS : "") + flat.substring(start, at),
                flat.substring(at, at + length),
                flat.substring(at + length, end) + (end < flat.length() ? ELLIPSIS : ""));
    }
}
