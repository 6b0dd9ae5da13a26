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

    StoredGroup rename(String group, String title) throws ServiceException;

    /** Sends a text to the group: encrypted once with this profile's sender key. */
    Message send(String group, String text) throws ServiceException;
}
