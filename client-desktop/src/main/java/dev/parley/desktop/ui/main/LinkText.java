package dev.parley.desktop.ui.main;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a message's text into plain runs and web links (http and https only, so no file:, javascript: or custom
 * schemes become clickable). Trailing punctuation that usually ends a sentence is not part of a link. A candidate that
 * is not a valid absolute URI with a host stays plain text.
 */
final class LinkText {
    private static final Pattern CANDIDATE = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"]+");
    private static final String TRAILING = ".,;:!?)]}'";

    /** One run of the text: plain, or a link whose text is the URL. */
    record Segment(String text, boolean link) {
    }

    private LinkText() {
    }

    static boolean hasLink(String text) {
        return split(text).stream().anyMatch(Segment::link);
    }

    static List<Segment> split(String text) {
        List<Segment> out = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(text);
        int plainFrom = 0;
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            String url = text.substring(m.start(), end);
            if (!isWebLink(url)) {
                continue;
            }
            if (m.start() > plainFrom) {
                out.add(new Segment(text.substring(plainFrom, m.start()), false));
            }
            out.add(new Segment(url, true));
            plainFrom = end;
        }
        if (plainFrom < text.length()) {
            out.add(new Segment(text.substring(plainFrom), false));
        }
        return out;
    }

    private static boolean isWebLink(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
