package dev.parley.desktop.ui.common;

import java.util.Objects;

/**
 * What the conversation list and the chat header show about a group (issue #15).
 *
 * @param title   the group's title
 * @param members how many members it has
 * @param active  this profile is still a member (false once it left or was removed: the history stays readable)
 */
public record GroupView(String title, int members, boolean active) {
    public GroupView {
        Objects.requireNonNull(title);
        if (members < 0) {
            throw new IllegalArgumentException("members must be >= 0");
        }
    }
}
