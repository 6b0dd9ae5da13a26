package dev.parley.desktop.storage;

/**
 * Who sees this profile's presence (issue #14): its accepted contacts, or nobody. With {@link #NOBODY} no presence is
 * sent and none is shown: the user also sees no one's.
 */
public enum PresenceVisibility {
    CONTACTS,
    NOBODY
}
