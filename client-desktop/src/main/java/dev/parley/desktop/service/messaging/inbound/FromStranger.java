package dev.parley.desktop.service.messaging.inbound;

/**
 * What a payload kind does when it comes from someone who is not a contact and not a pending message request: a
 * stranger, or a contact the user removed (issue #14; docs/protocol.md 1.12). Only content a person would read (and a
 * group member's sender key, which their group messages need) opens a
 * message request; everything else is acknowledged and creates nothing.
 */
public enum FromStranger {
    /**
     * Something a person reads (a message, an attachment, a group invitation or join request), or a group member's
     * sender key: the sender lands in "Requests".
     */
    OPENS_REQUEST,
    /** Profile, presence, receipts, typing, reactions, edits, deletes, timers: acknowledged and dropped. */
    DROPPED
}
