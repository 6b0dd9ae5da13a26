package dev.parley.desktop.ui.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which emoji sequences the app has a colour image for, and where the image is (docs/fonts.md, "Colour emoji").
 * Built from {@code index.txt} next to the images: one line per sequence, "hex code points joined by '-'", a space,
 * and the image's file stem. Finds emoji in text by longest match, so a family or a flag is one emoji and not its
 * parts.
 */
public final class EmojiIndex {
    static final String DIR = "/dev/parley/desktop/ui/emoji/";
    /** A line's sequence: hex code points joined by '-'. Compiled once: compiling it per line was most of the load. */
    /** Set once {@link Holder} has read the bundled index (a field here: reading Holder's would read the index). */
    private static volatile boolean bundledLoaded;
    private static final Pattern SEQUENCE = Pattern.compile("[0-9a-f]{1,6}(-[0-9a-f]{1,6})*");

    private final Map<String, String> imageBySequence;
    private final Set<Integer> firstCodePoints = new HashSet<>();
    private final int longest;

    EmojiIndex(Map<String, String> imageBySequence) {
        this.imageBySequence = Map.copyOf(imageBySequence);
        int max = 1;
        for (String sequence : this.imageBySequence.keySet()) {
            firstCodePoints.add(sequence.codePointAt(0));
            max = Math.max(max, sequence.codePointCount(0, sequence.length()));
        }
        this.longest = max;
    }

    /**
     * The index bundled with the app. Read once per process, by the first caller: {@link BundledFonts} reads it on its
     * background thread while the fonts load, so the FX thread does not (reading it there held a burst's first bubble
     * with an emoji check for 0.2 s of CPU, issue #13).
     */
    public static EmojiIndex bundled() {
        return Holder.BUNDLED;
    }

    /** Whether {@link #bundled()} has been read already (its first call returned). */
    public static boolean bundledLoaded() {
        return bundledLoaded;
    }

    static EmojiIndex read(InputStream in) throws IOException {
        Map<String, String> map = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2 && SEQUENCE.matcher(parts[0]).matches()) {
                map.put(sequence(parts[0]), parts[1]);
            }
        }
        return new EmojiIndex(map);
    }

    private static String sequence(String hex) {
        StringBuilder text = new StringBuilder();
        for (String codePoint : hex.split("-")) {
            text.appendCodePoint(Integer.parseInt(codePoint, 16));
        }
        return text.toString();
    }

    /** How many sequences have an image. */
    public int size() {
        return imageBySequence.size();
    }

    /** The image resource of one emoji sequence, if the app has one. */
    public Optional<String> imageResource(String emoji) {
        return Optional.ofNullable(imageBySequence.get(emoji)).map(stem -> DIR + stem + ".png");
    }

    /** A run of text: plain, or one emoji that has an image. */
    public record Run(String text, boolean emoji) {
    }

    /** Splits {@code text} into plain runs and emoji, longest emoji first. */
    public List<Run> split(String text) {
        List<Run> runs = new ArrayList<>();
        int plainFrom = 0;
        int i = 0;
        while (i < text.length()) {
            int match = firstCodePoints.contains(text.codePointAt(i)) ? matchAt(text, i) : 0;
            if (match == 0) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            if (i > plainFrom) {
                runs.add(new Run(text.substring(plainFrom, i), false));
            }
            runs.add(new Run(text.substring(i, i + match), true));
            i += match;
            plainFrom = i;
        }
        if (plainFrom < text.length()) {
            runs.add(new Run(text.substring(plainFrom), false));
        }
        return runs;
    }

    /** Whether {@code text} holds any emoji that has an image. */
    public boolean hasEmoji(String text) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            if (firstCodePoints.contains(text.codePointAt(i)) && matchAt(text, i) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Length in chars of the longest known sequence starting at {@code start}, or 0. */
    private int matchAt(String text, int start) {
        int end = start;
        List<Integer> ends = new ArrayList<>(longest);
        for (int n = 0; n < longest && end < text.length(); n++) {
            end += Character.charCount(text.codePointAt(end));
            ends.add(end);
        }
        for (int k = ends.size() - 1; k >= 0; k--) {
            if (imageBySequence.containsKey(text.substring(start, ends.get(k)))) {
                return ends.get(k) - start;
            }
        }
        return 0;
    }

    private static final class Holder {
        static final EmojiIndex BUNDLED = load();

        static {
            bundledLoaded = true;
        }

        private static EmojiIndex load() {
            try (InputStream in = EmojiIndex.class.getResourceAsStream(DIR + "index.txt")) {
                if (in == null) {
                    return new EmojiIndex(Map.of());
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("The bundled emoji index cannot be read", e);
            }
        }
    }
}
