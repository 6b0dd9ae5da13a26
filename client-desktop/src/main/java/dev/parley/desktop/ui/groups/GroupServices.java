package dev.parley.desktop.ui.groups;

import dev.parley.crypto.group.GroupRole;
import dev.parley.desktop.service.ContactService;
import dev.parley.desktop.service.GroupService;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.StoredGroup;
import java.util.List;
import java.util.Objects;

/** {@link GroupsGateway} over the group and contact services of the unlocked profile. */
public final class GroupServices implements GroupsGateway {
    private final GroupService groups;
    private final ContactService contacts;
    private final OwnUsername ownUsername;

    /** Reads this profile's username. */
    @FunctionalInterface
    public interface OwnUsername {
        String get() throws ServiceException;
    }

    public GroupServices(GroupService groups, ContactService contacts, OwnUsername ownUsername) {
        this.groups = Objects.requireNonNull(groups);
        this.contacts = Objects.requireNonNull(contacts);
        this.ownUsername = Objects.requireNonNull(ownUsername);
    }

    @Override
    public List<String> contacts() throws ServiceException {
        return contacts.list().stream().filter(c -> c.identityChange() != IdentityChangeState.REQUEST)
                .map(c -> c.username()).sorted().toList();
    }

    @Override
    public String create(String title, List<String> members) throws ServiceException {
        return ConversationId.group(groups.create(title, members).state().id()).value();
    }

    @Override
    public Details details(String conversation) throws ServiceException {
        return view(groups.find(conversation));
    }

    @Override
    public Details add(String conversation, List<String> members) throws ServiceException {
        return view(groups.add(conversation, members));
    }

    @Override
    public Details remove(String conversation, String member) throws ServiceException {
        return view(groups.remove(conversation, List.of(member)));
    }

    @Override
    public Details setAdmin(String conversation, String member, boolean admin) throws ServiceException {
        return view(groups.admin(conversation, member, !admin));
    }

    @Override
    public Details rename(String conversation, String title) throws ServiceException {
        return view(groups.rename(conversation, title));
    }

    @Override
    public Details leave(String conversation) throws ServiceException {
        return view(groups.leave(conversation));
    }

    @Override
    public String link(String conversation) throws ServiceException {
        return groups.link(conversation, false).orElseThrow();
    }

    @Override
    public Details revokeLink(String conversation) throws ServiceException {
        groups.link(conversation, true);
        return details(conversation);
    }

    @Override
    public Details settings(String conversation, Boolean approval, Boolean announcements) throws ServiceException {
        return view(groups.settings(conversation, approval, announcements));
    }

    @Override
    public Details approve(String conversation, String username) throws ServiceException {
        return view(groups.approve(conversation, username));
    }

    @Override
    public Details deny(String conversation, String username) throws ServiceException {
        groups.deny(conversation, username);
        return details(conversation);
    }

    private Details view(StoredGroup g) throws ServiceException {
        String me = ownUsername.get();
        String conversation = ConversationId.group(g.state().id()).value();
        return new Details(conversation, g.state().title(),
                g.state().members().stream().map(m -> new Member(m.username(), m.role() == GroupRole.ADMIN,
                        m.username().equals(me))).toList(),
                g.active() && g.state().isAdmin(me), g.active(), g.state().approvalRequired(),
                g.state().announcementsOnly(), g.state().inviteSecret().length > 0,
                g.active() ? groups.joinRequests(conversation).stream().map(r -> r.username()).toList() : List.of(),
                g.removed());
    }
}
