package dev.parley.desktop.event;

import dev.parley.desktop.storage.Contact;
import java.util.Objects;

/**
 * Posted by the contact service (and by the messaging service when an incoming message reveals a new identity key)
 * after a contact was added or its trust state changed.
 *
 * @param contact the contact as it is now
 * @param change  what happened
 */
public record ContactChangedEvent(Contact contact, Change change) implements AppEvent {
    /** What happened to the contact. */
    public enum Change {
        ADDED, VERIFIED, VERIFICATION_CLEARED, IDENTITY_CHANGED, IDENTITY_ACKNOWLEDGED,
        /** A message request was accepted: the requester is a contact now. */
        REQUEST_ACCEPTED,
        /** The contact was removed (the event carries it as it was). */
        REMOVED
    }

    public ContactChangedEvent {
        Objects.requireNonNull(contact);
        Objects.requireNonNull(change);
    }
}
