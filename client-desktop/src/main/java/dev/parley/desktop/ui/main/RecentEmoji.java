package dev.parley.desktop.ui.main;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The emoji the user reacted with most recently, newest first, at most {@link #MAX}. Kept in memory for the unlocked
 * session only: which emoji someone uses is nobody's business, so it is never written to disk.
 */
final class RecentEmoji {
    static final int MAX = 8;
    private final Deque<String> recent = new ArrayDeque<>();

    /** Moves {@code emoji} to the front. */
    void used(String emoji) {
        recent.remove(emoji);
        recent.addFirst(emoji);
        while (recent.size() > MAX) {
            recent.removeLast();
        }
    }

    List<String> list() {
        return List.copyOf(recent);
    }
}
