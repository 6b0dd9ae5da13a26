package dev.parley.desktop.storage;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into search words: NFKC-normalised, lower-cased (root locale) runs of letters and digits, 2 to
 * {@link #MAX_TOKEN_CHARS} characters (longer runs are cut), each word once, in order of first appearance. Used both
 * to index messages and to parse queries, so both sides always agree.
 *
 * <p><b>Stable by contract:</b> the search index stores only numbers computed from these words (client migration V80,
 * {@code SearchWordKeys}), and a message's numbers are found again, to delete them, by tokenizing its stored text
 * with this class. A change to what it returns for some text (the normal form, case folding, what counts as a letter,
 * the lengths) therefore needs a migration that rebuilds the index; {@code SearchWordKeysTest} pins its output.
 * (Unicode data of a newer JDK can change NFKC or letter classes of recently added characters; keys stored for such
 * words would then be left behind when their message goes: dead keys that cost space, never a wrong result, since
 * search checks every candidate's body.)
 */
public final class SearchTokenizer {
    public static final int MIN_TOKEN_CHARS = 2;
    public static final int MAX_TOKEN_CHARS = 32;

    private SearchTokenizer() {
    }

    public static Set<String> tokens(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        Set<String> tokens = new LinkedHashSet<>();
        int start = -1;
        for (int i = 0; i <= normalized.length(); ) {
            int cp = i < normalized.length() ? normalized.codePointAt(i) : -1;
            boolean wordChar = cp >= 0 && Character.isLetterOrDigit(cp);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                add(tokens, normalized.substring(start, i));
                start = -1;
            }
            i += cp >= 0 ? Character.charCount(cp) : 1;
        }
        return tokens;
    }

    private static void add(Set<String> tokens, String word) {
        int codePoints = word.codePointCount(0, word.length());
        if (codePoints < MIN_TOKEN_CHARS) {
            return;
        }
        if (word.length() > MAX_TOKEN_CHARS) {
            int end = word.offsetByCodePoints(0, Math.min(codePoints, MAX_TOKEN_CHARS));
            while (end > MAX_TOKEN_CHARS) {
                end = word.offsetByCodePoints(0, word.codePointCount(0, end) - 1);
            }
            word = word.substring(0, end);
        }
        tokens.add(word);
    }
}
