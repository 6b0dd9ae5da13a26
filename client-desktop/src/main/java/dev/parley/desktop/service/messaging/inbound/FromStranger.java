package dev.parley.desktop.service.messaging.inbound;

/**
 * What a payload kind does when it comes from someone who is not a contact and not a pending message request: a
 * stranger, or a contact the user removed (issue #14; docs/protocol.md 1.12). Only content a person would read opens a
 * message request; a group member's sender key is kept quietly by its handler; everything else is acknowledged and
 * creates nothing.
 */
public enum FromStranger {
    /**
     * Something a person reads (a message, an attachment, a group invitation or join request): the sender lands in
     * "Requests".
     */
    OPENS_REQUEST,
    /**
     * Handed to its handler without making the sender a contact or a request, which accepts it on other grounds: a
     * sender key is kept only from a member of a group held here (issue #15: a group member who is nobody's contact
     * does not land in "Requests"; their group messages are then taken on the pairwise session's key, 1.15.4).
     */
    APPLIED_WITHOUT_CONTACT,
    /** Profile, presence, receipts, typing, reactions, edits, deletes, timers: acknowledged and dropped. */
    DROPPED
}
