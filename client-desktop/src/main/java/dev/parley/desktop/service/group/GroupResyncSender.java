package dev.parley.desktop.service.group;

import dev.parley.crypto.group.GroupSnapshot;
import dev.parley.crypto.payload.GroupStateAnswer;
import dev.parley.crypto.payload.GroupStateRequest;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.messaging.Outbound;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.StoredGroup;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sending side of resynchronisation (issue #15, docs/protocol.md 1.15.2), after {@link GroupResync} decided in a
 * batch: a member's request to an admin, and an admin's signed answer. Both go pairwise. Call off the receiving
 * thread: it may start a session over the relay.
 */
public final class GroupResyncSender {
    private final ProfileCrypto crypto;
    private final Supplier<String> ownUsername;
    private final Outbound outbound;
    private final GroupMembers members;
    private final DefaultGroupService groups;

    GroupResyncSender(ProfileCrypto crypto, Supplier<String> ownUsername, Outbound outbound, GroupMembers members,
                      DefaultGroupService groups) {
        this.crypto = crypto;
        this.ownUsername = ownUsername;
        this.outbound = outbound;
        this.members = members;
        this.groups = groups;
    }

    /** Asks {@code admin} for the current state of the group of {@code conversation}, naming the revision held. */
    public void ask(String conversation, String admin) throws ServiceException {
        StoredGroup held = groups.find(conversation);
        if (!held.active()) {
            return;
        }
        Contact to = members.require(List.of(admin)).get(0);
        outbound.storedAll(List.of(new Outbound.Outgoing(to, new GroupStateRequest(held.state().id(),
                held.state().revision()), outbound.newOutboxId())), txn -> null);
    }

    /**
     * Sends {@code member} the current state of the group of {@code conversation}, signed for it, if this profile is
     * still an admin and {@code member} still a member, or recorded as removed (it then learns that it was).
     */
    public void answer(String conversation, String member) throws ServiceException {
        StoredGroup held = groups.find(conversation);
        String me = ownUsername.get();
        if (!held.active() || !held.state().isAdmin(me)
                || !(held.state().isMember(member) || wasRemoved(held, member))) {
            return;
        }
        GroupSnapshot snapshot = GroupSnapshot.sign(crypto.context().crypto(), crypto.identity(), me, member,
                held.state(), held.changeHash());
        Contact to = members.require(List.of(member)).get(0);
        outbound.storedAll(List.of(new Outbound.Outgoing(to, new GroupStateAnswer(snapshot), outbound.newOutboxId())),
                txn -> null);
    }

    private boolean wasRemoved(StoredGroup held, String member) throws ServiceException {
        try {
            return crypto.storage().transactions().transactionWithResult(true,
                    txn -> crypto.storage().groups().wasRemoved(txn, held.state().id(), member));
        } catch (dev.parley.desktop.storage.StorageException e) {
            throw new dev.parley.desktop.service.StorageFailureException("cannot read the group", e);
        }
    }
}
