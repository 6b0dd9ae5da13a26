package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.SearchTokenizer;
import java.util.Arrays;

/**
 * The distinct {@link SearchWordKeys#hash hashes} of a text's {@link SearchTokenizer} words, sorted: what indexing a
 * message stores and what removing it deletes (the disappearing sweep tokenizes every body it removes).
 *
 * <p>A text of ASCII characters only (most messages) is hashed as it is scanned, without the tokenizer's normal form,
 * lower-cased copy, word strings, set and UTF-8 byte arrays (a tenth of the sweeper's allocation, issue #12). The
 * result is the tokenizer's by construction: ASCII is unchanged by NFKC, {@code toLowerCase(Locale.ROOT)} only maps
 * {@code A-Z} to {@code a-z} in it, its letters and digits ({@link Character#isLetterOrDigit}) are exactly
 * {@code A-Z a-z 0-9}, a word's code points are its chars and its UTF-8 bytes, and a longer word is cut to its first
 * {@link SearchTokenizer#MAX_TOKEN_CHARS} chars. Any other text goes through the tokenizer.
 * {@code WordHashesTest} holds both paths to the same result.
 */
final class WordHashes {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private WordHashes() {
    }

    /** The sorted distinct hashes of {@code text}'s words (none for null or empty text). */
    static long[] of(String text) {
        if (text == null || text.isEmpty()) {
            return new long[0];
        }
        long[] ascii = ofAscii(text);
        return ascii != null ? ascii : ofTokens(text);
    }

    /** Through the tokenizer, for any text. */
    static long[] ofTokens(String text) {
        return sortedDistinct(SearchTokenizer.tokens(text).stream().mapToLong(SearchWordKeys::hash).toArray(), -1);
    }

    /** Null when {@code text} has a character outside ASCII. */
    private static long[] ofAscii(String text) {
        long[] hashes = new long[Math.max(4, text.length() / 4)];
        int n = 0;
        long h = FNV_OFFSET;
        int length = 0;
        for (int i = 0; i <= text.length(); i++) {
            char ch = i < text.length() ? text.charAt(i) : ' ';
            if (ch >= 0x80) {
                return null;
            }
            int folded = fold(ch);
            if (folded >= 0) {
                if (length < SearchTokenizer.MAX_TOKEN_CHARS) {
                    h = (h ^ folded) * FNV_PRIME;
                }
                length++;
            } else if (length > 0) {
                if (length >= SearchTokenizer.MIN_TOKEN_CHARS) {
                    if (n == hashes.length) {
                        hashes = Arrays.copyOf(hashes, n * 2);
                    }
                    hashes[n++] = SearchWordKeys.finish(h);
                }
                h = FNV_OFFSET;
                length = 0;
            }
        }
        return sortedDistinct(hashes, n);
    }

    /** The lower-cased letter or digit {@code ch} is, or -1 for any other ASCII character. */
    private static int fold(char ch) {
        if (ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9') {
            return ch;
        }
        if (ch >= 'A' && ch <= 'Z') {
            return ch + ('a' - 'A');
        }
        return -1;
    }

    /** The first {@code n} values (all when negative), sorted, each once. */
    private static long[] sortedDistinct(long[] values, int n) {
        int size = n < 0 ? values.length : n;
        Arrays.sort(values, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (distinct == 0 || values[i] != values[distinct - 1]) {
                values[distinct++] = values[i];
            }
        }
        return distinct == values.length ? values : Arrays.copyOf(values, distinct);
    }
}
