package dev.parley.desktop.service.group;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.group.GroupInviteLink;
import dev.parley.crypto.group.GroupRole;
import dev.parley.crypto.group.GroupState;
import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.service.messaging.Outbound;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.GroupJoinRequest;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Invite links and join requests (issue #15, docs/protocol.md 1.15.5): the joiner's side (parse the link, send the
 * proof to every admin it names) and the waiting requests an admin holds.
 */
final class GroupInvites {
    private final ProfileCrypto crypto;
    private final Supplier<String> ownUsername;
    private final Outbound outbound;
    private final GroupMembers members;

    GroupInvites(ProfileCrypto crypto, Supplier<String> ownUsername, Outbound outbound, GroupMembers members) {
        this.crypto = crypto;
        this.ownUsername = ownUsername;
        this.outbound = outbound;
        this.members = members;
    }

    /**
     * The link of a group whose state has an invite secret, naming the admins to ask: this profile first, then the
     * group's other admins in member order, at most {@value GroupInviteLink#MAX_ADMINS} (so a request is answered
     * while any of them is still an admin).
     */
    String linkOf(GroupState state) {
        List<String> admins = new ArrayList<>(List.of(ownUsername.get()));
        state.members().stream().filter(m -> m.role() == GroupRole.ADMIN).map(m -> m.username())
                .filter(u -> !admins.contains(u)).limit(GroupInviteLink.MAX_ADMINS - 1).forEach(admins::add);
        return new GroupInviteLink(state.id(), state.inviteSecret(), admins, state.title()).encode();
    }

    String join(String text) throws ServiceException {
        GroupInviteLink link;
        try {
            link = GroupInviteLink.parse(text == null ? "" : text.strip());
        } catch (InvalidMessageException e) {
            throw new InvalidInputException("not a Parley group link");
        }
        String me = ownUsername.get();
        if (link.admins().contains(me)) {
            throw new InvalidInputException("this is your own group's link");
        }
        Optional<StoredGroup> held = read(txn -> crypto.storage().groups().find(txn, link.group()));
        if (held.isPresent() && held.get().active() && held.get().state().isMember(me)) {
            throw new InvalidInputException("you are already a member of this group");
        }
        List<Contact> admins = members.sendable(link.admins());
        if (admins.isEmpty()) {
            throw new UnknownContactException("none of the admins this link names can be reached");
        }
        Payload.GroupJoinRequest request = new Payload.GroupJoinRequest(link.group(),
                link.proof(crypto.context().crypto(), me));
        List<Outbound.Outgoing> requests = new ArrayList<>();
        for (Contact admin : admins) {
            requests.add(new Outbound.Outgoing(admin, request, outbound.newOutboxId()));
        }
        outbound.storedAll(requests, txn -> null);
        return link.title();
    }

    List<GroupJoinRequest> waiting(GroupState state) throws ServiceException {
        return read(txn -> crypto.storage().groups().joinRequests(txn, state.id()));
    }

    /** Forgets {@code username}'s waiting request; false if there was none. */
    boolean forget(GroupState state, String username) throws ServiceException {
        try {
            return crypto.storage().transactions().transactionWithResult(false,
                    txn -> crypto.storage().groups().removeJoinRequests(txn, state.id(), List.of(username)) > 0);
        } catch (StorageException e) {
            throw new StorageFailureException("cannot store the group", e);
        }
    }

    private <T> T read(dev.parley.desktop.storage.TransactionFunction<T, StorageException> work)
            throws ServiceException {
        try {
            return crypto.storage().transactions().transactionWithResult(true, work);
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the groups", e);
        }
    }
}
