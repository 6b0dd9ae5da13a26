package dev.parley.desktop.service;

import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.StoredGroup;
import java.util.List;

/**
 * Groups (issue #15, docs/protocol.md 1.15). A group is named by its id (32 hex characters, optionally after '#') or by
 * its title when exactly one known group has it. Changes are signed, sent to every member pairwise and applied here in
 * the same transaction; only admins change a group, anyone may leave it.
 */
public interface GroupService {

    /** Creates a group with this profile as its admin and the given contacts (or relay users) as members. */
    StoredGroup create(String title, List<String> members) throws ServiceException;

    /** Every group this profile knows, including ones it left. */
    List<StoredGroup> list() throws ServiceException;

    StoredGroup find(String group) throws ServiceException;

    StoredGroup add(String group, List<String> members) throws ServiceException;

    StoredGroup remove(String group, List<String> members) throws ServiceException;

    /** Makes {@code member} an admin, or with {@code revoke} a member again. */
    StoredGroup admin(String group, String member, boolean revoke) throws ServiceException;

    StoredGroup leave(String group) throws ServiceException;

    /**
     * Deletes the group's conversation from this computer (its messages, their search words, reactions and receipts).
     * With {@code leave}, a member first leaves the group (as {@link #leave}) and the group itself is forgotten, so it
     * leaves the conversation list; without, this profile stays a member, as in Signal, and the conversation goes on
     * with the next message. A group this profile no longer belongs to is always forgotten. Returns how many messages
     * were deleted.
     */
    int delete(String group, boolean leave) throws ServiceException;

    StoredGroup rename(String group, String title) throws ServiceException;

    /**
     * Sets the group's disappearing-messages timer (an admin's change; {@code seconds} one of the allowed timers, 0
     * for off): later texts in the group disappear that long after they arrive.
     */
    StoredGroup setTimer(String group, long seconds) throws ServiceException;

    /**
     * The group's invite link ({@code parley://join/...}, docs/protocol.md 1.15.5), made with a fresh secret if the
     * group has none; with {@code revoke} the link is turned off (the secret forgotten: every link made so far stops
     * working) and the result is empty. An admin's change.
     */
    java.util.Optional<String> link(String group, boolean revoke) throws ServiceException;

    /**
     * Asks to join the group of an invite link: a join request proving knowledge of the link's secret goes to the admin
     * it names. Returns the group's title as the link gives it.
     */
    String join(String link) throws ServiceException;

    /** Sets the admins' settings (null keeps one): approval of join requests, announcement-only. */
    StoredGroup settings(String group, Boolean approval, Boolean announcements) throws ServiceException;

    /** The join requests waiting for this profile's approval (it is the admin they were sent to). */
    List<dev.parley.desktop.storage.GroupJoinRequest> joinRequests(String group) throws ServiceException;

    /** Approves a waiting join request: the person is added to the group. */
    StoredGroup approve(String group, String username) throws ServiceException;

    /** Denies a waiting join request: it is forgotten (the person is not told). */
    void deny(String group, String username) throws ServiceException;

    /** Sends a text to the group: encrypted once with this profile's sender key. */
    Message send(String group, String text) throws ServiceException;
}
