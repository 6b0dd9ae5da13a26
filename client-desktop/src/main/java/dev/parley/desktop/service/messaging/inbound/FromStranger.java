package dev.parley.desktop.service.messaging.inbound;

/**
 * What a payload kind does when it comes from someone who is not a contact and not a pending message request: a
 * stranger, or a contact the user removed (issue #14; docs/protocol.md 1.12). Only content a person would read opens a
 * message request; everything else is acknowledged and creates nothing.
 */
public enum FromStranger {
    /** Something a person reads (a message, an attachment, a group invitation): it lands in "Requests". */
    OPENS_REQUEST,
    /**
     * Applied without making the sender a contact or a request: its handler accepts it on other grounds (a sender key
     * is kept only from a member of a group held here).
     */
    APPLIED_WITHOUT_CONTACT,
    /** Profile, presence, receipts, typing, reactions, edits, deletes, timers: acknowledged and dropped. */
    DROPPED
}
