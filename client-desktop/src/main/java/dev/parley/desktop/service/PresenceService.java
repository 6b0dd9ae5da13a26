package dev.parley.desktop.service;

import dev.parley.desktop.storage.PresenceVisibility;
import java.util.List;
import java.util.Optional;

/**
 * Presence (issue #14): "online" and "last seen" for accepted contacts, shared end to end with them only, as
 * ephemeral payloads (never stored on the relay). Sent when this profile comes online (while {@link #start started}),
 * periodically while online, and when it goes offline. Changes are announced with
 * {@link dev.parley.desktop.event.PresenceChangedEvent}, at most once per second per contact.
 */
public interface PresenceService extends AutoCloseable {

    /**
     * Starts announcing: to every accepted contact when the connection comes online (asking them to answer with their
     * own state), then periodically. A client that is only briefly connected (most CLI commands) does not start it.
     */
    void start();

    /** Every accepted contact's presence, sorted by username; all {@code HIDDEN} when the setting is NOBODY. */
    List<ContactPresence> contacts() throws ServiceException;

    /** One contact's presence; empty if they are not an accepted contact. */
    Optional<ContactPresence> of(String username) throws ServiceException;

    PresenceVisibility visibility() throws ServiceException;

    /** Changes who sees this profile's presence; NOBODY also hides everyone's presence from this profile. */
    void setVisibility(PresenceVisibility visibility) throws ServiceException;

    /** Tells contacts that this profile goes offline (best effort) and stops announcing. */
    @Override
    void close();
}
