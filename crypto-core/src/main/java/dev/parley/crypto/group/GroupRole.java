package dev.parley.crypto.group;

/** A member's role in a group: admins change the group, members chat. Wire values 0 and 1. */
public enum GroupRole {
    MEMBER,
    ADMIN
}
