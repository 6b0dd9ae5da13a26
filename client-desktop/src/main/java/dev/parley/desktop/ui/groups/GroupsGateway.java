package dev.parley.desktop.ui.groups;

import dev.parley.desktop.service.ServiceException;
import java.util.List;

/**
 * What the group screens (issue #15: new group, group info) read and change. A group is named by its conversation id
 * ('#' and the group id). One service call per method; blocking, so view models call it through
 * {@code BackgroundTasks}.
 */
public interface GroupsGateway {

    /** A member as the group info lists it. */
    record Member(String username, boolean admin, boolean me) {
    }

    /**
     * A group as the info dialog shows it.
     *
     * @param conversation  the group's conversation id
     * @param meAdmin       this profile may change the group
     * @param active        this profile is still a member
     * @param approval      join requests wait for an admin
     * @param announcements only admins post
     * @param linkOn        the invite link is on
     * @param requests      who asked to join and waits for this profile's approval
     * @param removed       an admin removed this profile (not active; false if it left itself)
     */
    record Details(String conversation, String title, List<Member> members, boolean meAdmin, boolean active,
                   boolean approval, boolean announcements, boolean linkOn, List<String> requests, boolean removed) {
        public Details {
            members = List.copyOf(members);
            requests = List.copyOf(requests);
        }
    }

    /** The accepted contacts, by username: whom a group can be made with or a member added from. */
    List<String> contacts() throws ServiceException;

    /** Creates the group with this profile as its admin; returns its conversation id. */
    String create(String title, List<String> members) throws ServiceException;

    Details details(String conversation) throws ServiceException;

    Details add(String conversation, List<String> members) throws ServiceException;

    Details remove(String conversation, String member) throws ServiceException;

    /** Makes {@code member} an admin, or ({@code admin} false) a member again. */
    Details setAdmin(String conversation, String member, boolean admin) throws ServiceException;

    Details rename(String conversation, String title) throws ServiceException;

    Details leave(String conversation) throws ServiceException;

    /** The invite link ({@code parley://join/...}), made if the group has none; admins only. */
    String link(String conversation) throws ServiceException;

    /** Turns the invite link off: every copy of it stops working. */
    Details revokeLink(String conversation) throws ServiceException;

    /** Sets the admins' settings; null keeps one. */
    Details settings(String conversation, Boolean approval, Boolean announcements) throws ServiceException;

    /** Approves a waiting join request: the person is added. */
    Details approve(String conversation, String username) throws ServiceException;

    /** Denies a waiting join request: it is forgotten. */
    Details deny(String conversation, String username) throws ServiceException;
}
