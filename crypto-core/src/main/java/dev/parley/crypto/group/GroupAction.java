package dev.parley.crypto.group;

/**
 * What a group change did (wire value = ordinal + 1). Every change carries the whole resulting state; the action says
 * which part may differ from the state before it (checked by {@link GroupTransitions}).
 */
public enum GroupAction {
    /** A new group: revision 1, the author its only admin, the subjects its other members. */
    CREATE,
    /** The subjects join as members. */
    ADD,
    /** The subjects are removed. */
    REMOVE,
    /** The subject becomes an admin. */
    PROMOTE,
    /** The subject becomes a member again. */
    DEMOTE,
    /** The author leaves (the only change a non-admin may make). */
    LEAVE,
    /** New title. */
    RENAME,
    /** New description. */
    DESCRIBE,
    /** New disappearing-messages timer. */
    TIMER,
    /** New (or, empty, revoked) invite-link secret. */
    LINK,
    /** New settings flags: approval of join requests, announcement-only (1.15.5). */
    SETTINGS
}
