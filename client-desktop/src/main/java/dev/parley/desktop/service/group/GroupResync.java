package dev.parley.desktop.service.group;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.group.GroupMember;
import dev.parley.crypto.group.GroupRole;
import dev.parley.crypto.group.GroupSnapshot;
import dev.parley.crypto.group.GroupState;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.payload.GroupStateRequest;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.desktop.event.GroupStateAskedEvent;
import dev.parley.desktop.event.GroupStateWantedEvent;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import dev.parley.desktop.storage.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State resynchronisation for a member that missed a group change (issue #15, docs/protocol.md 1.15.2), the receiving
 * side, inside the batch transaction. A member that sees it is behind (a change ahead of its revision, a sender key or
 * a group message from someone it does not know as a member) asks an admin of the state it holds, at most once per
 * group per minute; an admin answers a current member's request with its state signed for that member, at most once
 * per member per minute; the member applies a signed answer only from an admin it asked, newer than what it holds,
 * and with itself still a member. A member removed in a change it missed is told the same way when it writes to the
 * group or asks (an admin answers someone recorded as removed with the state that no longer lists them), and applies
 * such a state even unasked, if signed by an admin of the state it holds and newer: the group is then no longer active
 * for it. Anything else is dropped (logged without content). The requests and answers are
 * sent after the batch commits, off the receiving thread ({@link GroupResyncSender}).
 */
public final class GroupResync {
    private static final Logger LOG = LoggerFactory.getLogger(GroupResync.class);
    /** At most one request per group, and one answer per member and group, in this long. */
    public static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Storage storage;
    private final CryptoProvider crypto;
    private final Supplier<String> ownUsername;
    private final GroupLedger ledger;

    GroupResync(Storage storage, CryptoProvider crypto, Supplier<String> ownUsername, GroupLedger ledger) {
        this.storage = storage;
        this.crypto = crypto;
        this.ownUsername = ownUsername;
        this.ledger = ledger;
    }

    /**
     * This profile holds {@code held} but saw that it missed a change: asks an admin of the held state for the current
     * one ({@code hint} first, when it is such an admin), unless it asked within {@link #INTERVAL}.
     */
    void missed(Transaction txn, StoredGroup held, String hint, Instant now) throws StorageException {
        if (!held.active()) {
            return;
        }
        String me = ownUsername.get();
        GroupState state = held.state();
        Optional<Instant> last = storage.groups().stateRequestedAt(txn, state.id());
        if (last.isPresent() && now.isBefore(last.get().plus(INTERVAL))) {
            LOG.debug("not asking again for a group's state within a minute");
            return;
        }
        String admin = hint != null && !hint.equals(me) && state.isAdmin(hint) ? hint
                : state.members().stream().filter(m -> m.role() == GroupRole.ADMIN && !m.username().equals(me))
                        .map(GroupMember::username).findFirst().orElse(null);
        if (admin == null) {
            LOG.info("missed a group change but knows no other admin to ask");
            return;
        }
        storage.groups().stateRequested(txn, state.id(), now);
        LOG.info("missed a group change: asking an admin for the group's state");
        txn.attach(new GroupStateWantedEvent(ConversationId.group(state.id()).value(), admin));
    }

    /** An admin's side: a member asks for the group's state (GROUP_STATE_REQUEST 36). */
    public void request(Transaction txn, String sender, GroupStateRequest request, Instant now) throws StorageException {
        Optional<StoredGroup> held = storage.groups().find(txn, request.group());
        String me = ownUsername.get();
        if (held.isEmpty() || !held.get().active() || !held.get().state().isAdmin(me)) {
            LOG.info("dropping a state request for a group this profile does not administer");
            return;
        }
        GroupState state = held.get().state();
        boolean removed = !state.isMember(sender) && storage.groups().wasRemoved(txn, state.id(), sender);
        if ((!state.isMember(sender) && !removed) || sender.equals(me)) {
            LOG.info("dropping a state request from someone who is not a member");
            return;
        }
        if (request.revision() >= state.revision()) {
            LOG.info("dropping a state request: the member is not behind");
            return;
        }
        tell(txn, state, sender, now);
    }

    /**
     * A group message or sender key came from {@code sender}, who is not a member of {@code held}: whether they are
     * recorded as removed from it (they missed their removal, so this profile did not miss a change). If so, and this
     * profile is an admin, they get the current state signed for them (at most once per minute), which no longer lists
     * them: their client then shows that they were removed and stops sending.
     */
    boolean removedMemberWrote(Transaction txn, StoredGroup held, String sender, Instant now) throws StorageException {
        GroupState state = held.state();
        if (!held.active() || state.isMember(sender) || !storage.groups().wasRemoved(txn, state.id(), sender)) {
            return false;
        }
        if (state.isAdmin(ownUsername.get())) {
            tell(txn, state, sender, now);
        }
        return true;
    }

    /** Sends {@code member} (a member, or someone removed) the current state, unless answered within a minute. */
    private void tell(Transaction txn, GroupState state, String member, Instant now) throws StorageException {
        Optional<Instant> last = storage.groups().stateAnsweredAt(txn, state.id(), member);
        if (last.isPresent() && now.isBefore(last.get().plus(INTERVAL))) {
            LOG.info("dropping a state request: answered this member within a minute");
            return;
        }
        storage.groups().stateAnswered(txn, state.id(), member, now);
        txn.attach(new GroupStateAskedEvent(ConversationId.group(state.id()).value(), member));
    }

    /** A member's side: an admin's signed answer (GROUP_STATE 37), applied if every rule holds. */
    public void answer(Transaction txn, String sender, GroupSnapshot snapshot, Instant now) throws StorageException {
        String me = ownUsername.get();
        if (!snapshot.author().equals(sender) || !snapshot.requester().equals(me)) {
            LOG.info("dropping a group state not signed by its sender for this profile");
            return;
        }
        Optional<StoredGroup> held = storage.groups().find(txn, snapshot.state().id());
        // A state without this profile may come unasked: an admin tells a member removed in a change it missed.
        boolean removesMe = !snapshot.state().isMember(me);
        if (held.isEmpty() || !held.get().active() || (!removesMe
                && storage.groups().stateRequestedAt(txn, snapshot.state().id()).isEmpty())) {
            LOG.info("dropping a group state this profile did not ask for");
            return;
        }
        Optional<Contact> contact = storage.contacts().find(txn, sender);
        try {
            if (contact.isEmpty()) {
                throw new InvalidMessageException("no key for the author");
            }
            snapshot.verify(crypto, new IdentityKey(contact.get().identityKey()));
        } catch (InvalidMessageException | IllegalArgumentException e) {
            LOG.info("dropping a group state whose signature does not verify");
            return;
        }
        GroupState current = held.get().state();
        GroupState next = snapshot.state();
        if (!current.isAdmin(sender) || !next.isAdmin(sender)) {
            LOG.info("dropping a group state from someone who is not an admin");
            return;
        }
        if (next.revision() <= current.revision()) {
            LOG.info("dropping a group state that is not newer than the one held");
            return;
        }
        if (removesMe) {
            LOG.info("an admin's signed state no longer lists this profile: removed in a change missed here");
            ledger.removedByState(txn, held.get(), snapshot, now);
            return;
        }
        ledger.resynced(txn, held.get(), snapshot, me, now);
    }
}
