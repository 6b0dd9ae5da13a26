package dev.parley.desktop.service;

import dev.parley.desktop.storage.UserProfile;
import java.util.Optional;

/**
 * Profiles (issue #14): the own display name, about line and avatar, shared end to end with contacts only (never with
 * a message request or a blocked user, never through the relay in the clear); the profiles contacts shared; local
 * nicknames that override them.
 */
public interface ProfileService {

    /** A change to the own profile: empty fields stay as they are. */
    record Update(Optional<String> displayName, Optional<String> about, Optional<byte[]> avatarFile, boolean clearAvatar) {
        public static Update none() {
            return new Update(Optional.empty(), Optional.empty(), Optional.empty(), false);
        }
    }

    /**
     * How a contact is shown.
     *
     * @param shown    the nickname if set, else their name (with the username next to a name that mixes scripts), else
     *                 the username
     * @param profile  what they shared, if anything
     * @param nickname the local nickname, if set
     */
    record ContactProfile(String username, String shown, Optional<UserProfile> profile, Optional<String> nickname) {
    }

    /** The own profile, if one was ever set. */
    Optional<UserProfile> own() throws ServiceException;

    /**
     * Changes the own profile and sends it to every contact. The name and about line are cleaned (normalised, bidi and
     * other invisible controls removed); the avatar is cropped, downscaled and re-encoded without metadata.
     *
     * @throws InvalidInputException if the name is over 64 or the about line over 140 characters, or the avatar file is
     *                               over 10 MB, not an image or too large an image
     */
    UserProfile update(Update update) throws ServiceException;

    /**
     * How a contact or message request is shown.
     *
     * @throws UnknownContactException if there is no such contact
     */
    ContactProfile of(String username) throws ServiceException;

    /** Sets (or with an empty one, clears) the local nickname of a contact; only this profile sees it. */
    ContactProfile setNickname(String username, String nickname) throws ServiceException;
}
