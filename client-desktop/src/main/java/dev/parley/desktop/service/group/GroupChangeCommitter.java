package dev.parley.desktop.service.group;

import dev.parley.crypto.group.GroupAction;
import dev.parley.crypto.group.GroupChange;
import dev.parley.crypto.group.GroupState;
import dev.parley.crypto.group.GroupTransitions;
import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.messaging.Outbound;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes one change of a group this account administers (or leaves): signs it, checks it is a valid transition, and
 * commits it to the group's ledger together with the outbox items that carry it to the other members and to this
 * account's other devices (docs/protocol.md 1.15.2).
 */
final class GroupChangeCommitter {
    private final ProfileCrypto crypto;
    private final Supplier<String> ownUsername;
    private final Outbound outbound;
    private final GroupMembers members;
    private final GroupLedger ledger;

    GroupChangeCommitter(ProfileCrypto crypto, Supplier<String> ownUsername, Outbound outbound, GroupMembers members,
                         GroupLedger ledger) {
        this.crypto = crypto;
        this.ownUsername = ownUsername;
        this.outbound = outbound;
        this.members = members;
        this.ledger = ledger;
    }

    /**
     * Changes the group from {@code before} to {@code after}, unless it changed meanwhile; a leave or a removal goes
     * to the members that can be reached, any other change needs every recipient.
     */
    StoredGroup change(GroupState before, GroupAction action, List<String> subjects, GroupState after,
                       List<String> recipientNames) throws ServiceException {
        List<Contact> recipients = action == GroupAction.LEAVE || action == GroupAction.REMOVE
                ? members.sendable(recipientNames) : members.require(recipientNames);
        crypto.lock().lock();
        try {
            StoredGroup held = held(before);
            if (!held.state().equals(before)) {
                throw new InvalidInputException("the group changed meanwhile: try again");
            }
            return commit(Optional.of(held), action, subjects, after, recipients);
        } finally {
            crypto.lock().unlock();
        }
    }

    /** Commits a change to the group {@code held} (empty: the group's creation) and sends it to {@code recipients}. */
    StoredGroup commit(Optional<StoredGroup> held, GroupAction action, List<String> subjects, GroupState after,
                       List<Contact> recipients) throws ServiceException {
        String me = ownUsername.get();
        GroupChange change = GroupChange.sign(crypto.context().crypto(), crypto.identity(), me, action, subjects, after);
        if (!GroupTransitions.isValid(held.map(StoredGroup::state).orElse(null), change)) {
            throw new InvalidInputException("this change is not allowed in this group");
        }
        byte[] hash = change.hash(crypto.context().crypto());
        Instant now = crypto.context().clock().instant();
        List<Outbound.Outgoing> outgoing = new ArrayList<>(recipients.size());
        for (Contact recipient : recipients) {
            outgoing.add(new Outbound.Outgoing(recipient, new Payload.GroupUpdate(change), outbound.newOutboxId()));
        }
        // Issue #17: this account's other devices apply the change too (they take it from the account's own key).
        List<Outbound.Own> own = List.of(new Outbound.Own(new Payload.GroupUpdate(change), outbound.newOutboxId()));
        return outbound.storedAll(outgoing, null, own, txn -> {
            ledger.record(txn, held, change, hash, GroupTransitions.Verdict.APPLY, me, now, true);
            return crypto.storage().groups().find(txn, after.id()).orElseThrow();
        });
    }

    private StoredGroup held(GroupState before) throws ServiceException {
        try {
            return crypto.storage().transactions().transactionWithResult(true,
                    txn -> crypto.storage().groups().find(txn, before.id())).orElseThrow();
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the groups", e);
        }
    }
}
