package dev.parley.desktop.service.group;

import dev.parley.crypto.group.GroupChange;
import dev.parley.crypto.group.GroupState;
import dev.parley.crypto.group.GroupTransitions;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Records an accepted group change, whoever made it: the new state (with the one before and the change's hash), the
 * group's conversation, its system line, and the sender-key consequences: a member who is gone loses the key this
 * profile held for them, and any removal or departure makes this profile start a fresh sender key (its next group
 * message distributes it to the remaining members only). A profile that is no longer a member forgets every key, and
 * remembers whether it left or was removed (the chat header says which).
 */
final class GroupLedger {
    private final Storage storage;
    private final GroupKeys keys;

    GroupLedger(Storage storage, GroupKeys keys) {
        this.storage = storage;
        this.keys = keys;
    }

    /** @param own whether this profile made the change (its line is then its own, not an incoming one) */
    Message record(Transaction txn, Optional<StoredGroup> held, GroupChange change, byte[] hash,
                   GroupTransitions.Verdict verdict, String me, Instant now, boolean own) throws StorageException {
        GroupState state = change.state();
        GroupState previous = verdict == GroupTransitions.Verdict.REPLACE
                ? held.map(StoredGroup::previous).orElse(null)
                : held.map(StoredGroup::state).orElse(null);
        boolean member = state.isMember(me);
        // not a member any more by a change other than its own LEAVE: an admin removed this profile
        boolean removed = !member && change.action() != dev.parley.crypto.group.GroupAction.LEAVE;
        storage.groups().put(txn, new StoredGroup(state, previous, hash, member, removed));
        ConversationId conversation = storage.conversations().group(txn, ConversationId.group(state.id())).id();
        if (change.action() == dev.parley.crypto.group.GroupAction.ADD) {
            storage.groups().removeJoinRequests(txn, state.id(), change.subjects());
            storage.groups().unmarkRemoved(txn, state.id(), change.subjects());
            if (member) {
                keys.promotePending(txn, state, me, false);     // a new member's key may have come before its ADD
            }
        }
        if (change.action() == dev.parley.crypto.group.GroupAction.TIMER) {
            storage.disappearing().setTimer(txn, conversation,
                    dev.parley.desktop.storage.DisappearingTimer.ofSeconds(state.timerSeconds())
                            .orElse(dev.parley.desktop.storage.DisappearingTimer.OFF));
        }

        Set<String> gone = new HashSet<>();
        held.ifPresent(h -> gone.addAll(h.state().usernames()));
        if (previous != null) {
            gone.addAll(previous.usernames());
        }
        gone.removeAll(state.usernames());
        if (member && change.action() != dev.parley.crypto.group.GroupAction.LEAVE && !gone.isEmpty()) {
            storage.groups().markRemoved(txn, state.id(), gone);     // told if they write or ask (1.15.2)
        }
        if (!member) {
            keys.forgetAll(txn, state.id());
            storage.groups().clearKeyHolders(txn, state.id());
        } else if (!gone.isEmpty() || verdict == GroupTransitions.Verdict.REPLACE) {
            for (String member2 : gone) {
                keys.forget(txn, state.id(), member2);
            }
            keys.forget(txn, state.id(), me);
            storage.groups().clearKeyHolders(txn, state.id());
        }

        MessageId lineId = new MessageId("grp-" + HexFormat.of().formatHex(hash, 0, 16));
        String text = GroupLines.describe(change);
        Instant at = now;
        NewMessage line = own ? NewMessage.system(lineId, conversation, at, text)
                : new NewMessage(lineId, conversation, Direction.INCOMING, change.author(), at, at, text,
                        MessageState.READ).asSystem();
        List<Message> stored = storage.messages().insertAllIfAbsent(txn, List.of(line));
        for (Message m : stored) {
            // own changes too: they are made from the group info, and the open chat shows their line at once
            txn.attach(new MessageReceivedEvent(m));
        }
        return stored.isEmpty() ? storage.messages().find(txn, lineId).orElseThrow() : stored.get(0);
    }

    /**
     * Records the current state an admin sent after this profile missed changes (resynchronisation, 1.15.2): the state
     * (with the change hash everyone holds, and no state before it), the group's timer, a system line, and the
     * sender-key consequences of everything missed: anyone gone loses the key held for them and this profile starts a
     * fresh one; the keys of new members that arrived before this state became theirs.
     */
    void resynced(Transaction txn, StoredGroup held, dev.parley.crypto.group.GroupSnapshot snapshot, String me,
                  Instant now) throws StorageException {
        GroupState state = snapshot.state();
        storage.groups().put(txn, new StoredGroup(state, null, snapshot.changeHash(), true));
        ConversationId conversation = storage.conversations().group(txn, ConversationId.group(state.id())).id();
        Set<String> added = new HashSet<>(state.usernames());
        added.removeAll(held.state().usernames());
        storage.groups().removeJoinRequests(txn, state.id(), added);
        storage.groups().unmarkRemoved(txn, state.id(), added);
        if (state.timerSeconds() != held.state().timerSeconds()) {
            storage.disappearing().setTimer(txn, conversation,
                    dev.parley.desktop.storage.DisappearingTimer.ofSeconds(state.timerSeconds())
                            .orElse(dev.parley.desktop.storage.DisappearingTimer.OFF));
        }
        Set<String> gone = new HashSet<>(held.state().usernames());
        gone.removeAll(state.usernames());
        if (!gone.isEmpty()) {
            storage.groups().markRemoved(txn, state.id(), gone);     // removed or left in the changes missed
            for (String member : gone) {
                keys.forget(txn, state.id(), member);
            }
            keys.forget(txn, state.id(), me);
            storage.groups().clearKeyHolders(txn, state.id());
        }
        keys.promotePending(txn, state, me, true);
        MessageId lineId = new MessageId("grp-sync-" + HexFormat.of().formatHex(snapshot.changeHash(), 0, 16));
        NewMessage line = new NewMessage(lineId, conversation, Direction.INCOMING, snapshot.author(), now, now,
                snapshot.author() + " brought the group up to date (changes missed here)", MessageState.READ).asSystem();
        for (Message m : storage.messages().insertAllIfAbsent(txn, List.of(line))) {
            txn.attach(new MessageReceivedEvent(m));
        }
    }

    /**
     * An admin told this profile that it was removed in a change it missed (1.15.2): the admin's state (which no longer
     * lists it) is kept as the group's, the group is no longer active here (nothing more is sent to it or read from
     * it), every sender key of the group is forgotten, and the line "You were removed from the group" is left.
     */
    void removedByState(Transaction txn, StoredGroup held, dev.parley.crypto.group.GroupSnapshot snapshot, Instant now)
            throws StorageException {
        GroupState state = snapshot.state();
        storage.groups().put(txn, new StoredGroup(state, held.state(), snapshot.changeHash(), false, true));
        keys.forgetAll(txn, state.id());
        storage.groups().clearKeyHolders(txn, state.id());
        ConversationId conversation = storage.conversations().group(txn, ConversationId.group(state.id())).id();
        MessageId lineId = new MessageId("grp-out-" + HexFormat.of().formatHex(snapshot.changeHash(), 0, 16));
        NewMessage line = new NewMessage(lineId, conversation, Direction.INCOMING, snapshot.author(), now, now,
                "You were removed from the group (" + snapshot.author() + " told you: a change missed here)",
                MessageState.READ).asSystem();
        for (Message m : storage.messages().insertAllIfAbsent(txn, List.of(line))) {
            txn.attach(new MessageReceivedEvent(m));
        }
    }
}
