package dev.parley.desktop.ui.people;

import dev.parley.desktop.service.ContactPresence;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.PresenceVisibility;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the people screens (requests, blocked list, profile editor, presence, contact link; issue #14) read and change.
 * One service call per method; blocking, so view models call it through {@code BackgroundTasks}.
 */
public interface PeopleGateway {

    /** A message request as the Requests view lists it: who, how they are shown, and their latest message. */
    record Request(String username, String shownName, String latestMessage) {
    }

    /** The own profile as the editor shows it; {@code avatarPng} is empty when none is set. */
    record OwnProfile(String displayName, String about, byte[] avatarPng) {
    }

    /**
     * How a contact or request is shown everywhere (issue #14): {@code shown} is the nickname, else their name, else the
     * username ({@code named} false); {@code avatar} is empty when they shared none, {@code version} their profile's.
     */
    record Look(String username, String shown, boolean named, byte[] avatar, long version,
                Optional<ContactPresence> presence) {
    }

    /** How {@code username} is shown; a plain look (the username) for someone who is not a contact or request. */
    Look look(String username) throws ServiceException;

    List<Request> requests() throws ServiceException;

    /** Accepts the request: the requester becomes a contact and owed receipts and the profile go to them. */
    void accept(String username) throws ServiceException;

    /** Deletes the request and everything they wrote. */
    void delete(String username) throws ServiceException;

    /** Blocks the user (a request is deleted with it). */
    void block(String username) throws ServiceException;

    List<String> blocked() throws ServiceException;

    void unblock(String username) throws ServiceException;

    OwnProfile ownProfile() throws ServiceException;

    /**
     * Saves the own profile and sends it to contacts. {@code avatarFile}, if present, is read and downscaled by the
     * profile service; {@code clearAvatar} removes the avatar.
     */
    OwnProfile saveProfile(String displayName, String about, Optional<Path> avatarFile, boolean clearAvatar)
            throws ServiceException;

    PresenceVisibility presenceVisibility() throws ServiceException;

    void setPresenceVisibility(PresenceVisibility visibility) throws ServiceException;

    /** A contact's presence; empty for someone who is not an accepted contact. */
    Optional<ContactPresence> presence(String username) throws ServiceException;

    /** This profile's contact link ({@code parley://add/...}). */
    String contactLink() throws ServiceException;

    /** Writes {@code png} to {@code file} (the QR code's "Save as PNG"). */
    void writeFile(Path file, byte[] png) throws ServiceException;
}
