package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.ReactionView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A message's reactions grouped by emoji for the bubble: one chip per emoji, in the order they first appeared. */
final class ReactionChips {
    private ReactionChips() {
    }

    /**
     * One emoji's chip.
     *
     * @param reactors who reacted with it, oldest first
     * @param mine     whether the user is among them
     */
    record Chip(String emoji, List<String> reactors, boolean mine) {
        Chip {
            Objects.requireNonNull(emoji);
            reactors = List.copyOf(reactors);
        }

        int count() {
            return reactors.size();
        }
    }

    static List<Chip> of(List<ReactionView> reactions, String ownUsername) {
        Map<String, List<String>> byEmoji = new LinkedHashMap<>();
        for (ReactionView r : reactions) {
            byEmoji.computeIfAbsent(r.emoji(), e -> new ArrayList<>()).add(r.reactor());
        }
        List<Chip> chips = new ArrayList<>(byEmoji.size());
        byEmoji.forEach((emoji, who) -> chips.add(new Chip(emoji, who, who.contains(ownUsername))));
        return chips;
    }
}
