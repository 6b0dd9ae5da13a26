package dev.parley.desktop.ui.common;

import java.util.Objects;

/**
 * What the conversation list and the chat header show about a group (issue #15).
 *
 * @param title   the group's title
 * @param members how many members it has
 * @param active  this profile is still a member (false once it left or was removed: the history stays readable)
 * @param removed an admin removed this profile (not active; false if it left itself)
 */
public record GroupView(String title, int members, boolean active, boolean removed) {
    public GroupView {
        Objects.requireNonNull(title);
        if (members < 0) {
            throw new IllegalArgumentException("members must be >= 0");
        }
    }

    /** A group this profile is a member of ({@code active}) or left itself. */
    public GroupView(String title, int members, boolean active) {
        this(title, members, active, false);
    }

    /**
     * The message key of what the chat header says under the title: the member count while a member, else whether
     * this profile left or was removed (with the count); its one argument is {@link #members}.
     */
    public String statusKey() {
        return statusKey(active, removed);
    }

    /** {@link #statusKey()} of a group with these flags (the group info dialog's count says the same). */
    public static String statusKey(boolean active, boolean removed) {
        return active ? "groups.memberCount" : removed ? "groups.removed" : "groups.left";
    }
}
