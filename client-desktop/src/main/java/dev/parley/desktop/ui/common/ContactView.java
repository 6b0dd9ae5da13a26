package dev.parley.desktop.ui.common;

import java.util.Objects;

/**
 * A conversation partner as the UI shows it: a contact, or a group (issue #15).
 *
 * @param username        the contact's username; for a group its conversation id ('#' and the group id)
 * @param verified        the user compared safety numbers
 * @param identityChanged the identity key changed and the user has not acknowledged it: sending is blocked
 * @param group           the group's title and size; null for a contact
 */
public record ContactView(String username, boolean verified, boolean identityChanged, GroupView group) {
    public ContactView {
        Objects.requireNonNull(username);
    }

    /** A contact. */
    public ContactView(String username, boolean verified, boolean identityChanged) {
        this(username, verified, identityChanged, null);
    }

    /** A group's conversation. */
    public static ContactView ofGroup(String conversationId, GroupView group) {
        return new ContactView(conversationId, false, false, Objects.requireNonNull(group));
    }

    public boolean isGroup() {
        return group != null;
    }

    /** The name the list and the header show: the group's title, or the username. */
    public String shownName() {
        return group != null ? group.title() : username;
    }

    public boolean canSend() {
        return composerBlock().isEmpty();
    }

    /**
     * Why the composer is closed, as a message key: an identity change not yet accepted, or a group this profile left
     * or was removed from; empty while it may send.
     */
    public java.util.Optional<String> composerBlock() {
        if (identityChanged) {
            return java.util.Optional.of("main.composer.blocked");
        }
        if (group != null && !group.active()) {
            return java.util.Optional.of(group.removed() ? "main.composer.removed" : "main.composer.left");
        }
        return java.util.Optional.empty();
    }
}
