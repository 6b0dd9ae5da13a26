package dev.parley.desktop.service.group;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.group.GroupInviteLink;
import dev.parley.crypto.group.GroupState;
import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.messaging.Outbound;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.GroupJoinRequest;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Invite links and join requests (issue #15, docs/protocol.md 1.15.5): the joiner's side (parse the link, send the
 * proof to the admin it names) and the waiting requests an admin holds.
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

    /** The link of a group whose state has an invite secret, naming this profile as the admin to ask. */
    String linkOf(GroupState state) {
        return new GroupInviteLink(state.id(), state.inviteSecret(), ownUsername.get(), state.title()).encode();
    }

    String join(String text) throws ServiceException {
        GroupInviteLink link;
        try {
            link = GroupInviteLink.parse(text == null ? "" : text.strip());
        } catch (InvalidMessageException e) {
            throw new InvalidInputException("not a Parley group link");
        }
        String me = ownUsername.get();
        if (link.admin().equals(me)) {
            throw new InvalidInputException("this is your own group's link");
        }
        Optional<StoredGroup> held = read(txn -> crypto.storage().groups().find(txn, link.group()));
        if (held.isPresent() && held.get().active() && held.get().state().isMember(me)) {
            throw new InvalidInputException("you are already a member of this group");
        }
        Contact admin = members.require(List.of(link.admin())).get(0);
        outbound.stored(admin, new Payload.GroupJoinRequest(link.group(), link.proof(crypto.context().crypto(), me)),
                outbound.newOutboxId(), txn -> null);
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
