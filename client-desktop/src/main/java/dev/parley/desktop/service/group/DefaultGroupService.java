package dev.parley.desktop.service.group;

import dev.parley.crypto.group.GroupAction;
import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.GroupMember;
import dev.parley.crypto.group.GroupRole;
import dev.parley.crypto.group.GroupState;
import dev.parley.crypto.group.GroupTransitions;
import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.service.GroupService;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.messaging.DefaultMessagingService;
import dev.parley.desktop.service.messaging.Outbound;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import dev.parley.desktop.storage.TransactionFunction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link GroupService} over the profile's storage, its pairwise sessions and a {@link GroupTransport}. */
public final class DefaultGroupService implements GroupService {
    private final ProfileCrypto crypto;
    private final Supplier<String> ownUsername;
    private final GroupMembers members;
    private final GroupKeys keys;
    private final GroupChangeCommitter changes;
    private final GroupSender sender;
    private final GroupInvites invites;
    private final GroupResyncSender resync;
    private final UnlinkedDeviceNotices unlinkNotices;

    public DefaultGroupService(ProfileCrypto crypto, Supplier<String> ownUsername, Outbound outbound,
                               GroupTransport transport, DefaultMessagingService.SessionStarter sessions) {
        this.crypto = crypto;
        this.ownUsername = ownUsername;
        this.members = new GroupMembers(crypto, sessions);
        this.keys = new GroupKeys(crypto.storage());
        this.changes = new GroupChangeCommitter(crypto, ownUsername, outbound, members,
                new GroupLedger(crypto.storage(), keys));
        this.sender = new GroupSender(crypto, ownUsername, outbound, transport, keys);
        this.invites = new GroupInvites(crypto, ownUsername, outbound, members);
        this.resync = new GroupResyncSender(crypto, ownUsername, outbound, members, this);
        this.unlinkNotices = new UnlinkedDeviceNotices(crypto, ownUsername, outbound, members);
    }

    /** Issue #17: tells the fellow members of a device this account unlinked, so they re-key. */
    public UnlinkedDeviceNotices unlinkNotices() {
        return unlinkNotices;
    }

    /** The sending side of state resynchronisation (docs/protocol.md 1.15.2), for the resync worker. */
    public GroupResyncSender resync() {
        return resync;
    }

    @Override
    public StoredGroup create(String title, List<String> memberNames) throws ServiceException {
        GroupInputs.checkTitle(title);
        List<String> others = GroupInputs.distinctOthers(memberNames, ownUsername.get());
        if (others.size() + 1 > GroupState.MAX_MEMBERS) {
            throw new InvalidInputException("a group has at most " + GroupState.MAX_MEMBERS + " members");
        }
        List<Contact> recipients = members.require(others);
        List<GroupMember> list = new ArrayList<>();
        list.add(new GroupMember(ownUsername.get(), GroupRole.ADMIN));
        others.forEach(m -> list.add(new GroupMember(m, GroupRole.MEMBER)));
        GroupState state = new GroupState(GroupId.random(crypto.context().random()), 1, title, "", 0, null, list);
        return changes.commit(Optional.empty(), GroupAction.CREATE, others, state, recipients);
    }

    @Override
    public List<StoredGroup> list() throws ServiceException {
        return read(txn -> crypto.storage().groups().list(txn));
    }

    @Override
    public StoredGroup find(String group) throws ServiceException {
        String ref = group == null ? "" : group.startsWith(ConversationId.GROUP_PREFIX) ? group.substring(1) : group;
        if (ref.matches("[0-9a-fA-F]{32}")) {
            Optional<StoredGroup> byId = read(txn -> crypto.storage().groups().find(txn, GroupId.fromHex(ref)));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        List<StoredGroup> titled = list().stream().filter(g -> g.state().title().equals(group)).toList();
        if (titled.size() > 1) {
            throw new InvalidInputException("several groups have this title: name the group by its id");
        }
        if (titled.isEmpty()) {
            throw new InvalidInputException("no such group");
        }
        return titled.get(0);
    }

    @Override
    public StoredGroup add(String group, List<String> memberNames) throws ServiceException {
        GroupState state = adminOf(group);
        List<String> added = GroupInputs.distinctOthers(memberNames, ownUsername.get());
        if (added.isEmpty() || added.stream().anyMatch(state::isMember)) {
            throw new InvalidInputException("name people who are not members yet");
        }
        if (state.members().size() + added.size() > GroupState.MAX_MEMBERS) {
            throw new InvalidInputException("a group has at most " + GroupState.MAX_MEMBERS + " members");
        }
        List<GroupMember> next = new ArrayList<>(state.members());
        added.forEach(m -> next.add(new GroupMember(m, GroupRole.MEMBER)));
        GroupState after = state.with(state.revision() + 1, null, null, null, null, next);
        return changes.change(state, GroupAction.ADD, added, after, others(after.usernames()));
    }

    @Override
    public StoredGroup remove(String group, List<String> memberNames) throws ServiceException {
        GroupState state = adminOf(group);
        List<String> removed = GroupInputs.distinctOthers(memberNames, ownUsername.get());
        if (removed.isEmpty() || !removed.stream().allMatch(state::isMember)) {
            throw new InvalidInputException("name members of the group (to leave it yourself: group leave)");
        }
        GroupState after = state.with(state.revision() + 1, null, null, null, null,
                state.members().stream().filter(m -> !removed.contains(m.username())).toList());
        return changes.change(state, GroupAction.REMOVE, removed, after, others(state.usernames()));
    }

    @Override
    public StoredGroup admin(String group, String member, boolean revoke) throws ServiceException {
        GroupState state = adminOf(group);
        if (!state.isMember(member) || member.equals(ownUsername.get())) {
            throw new InvalidInputException("name another member of the group");
        }
        GroupRole role = revoke ? GroupRole.MEMBER : GroupRole.ADMIN;
        GroupState after = state.with(state.revision() + 1, null, null, null, null, state.members().stream()
                .map(m -> m.username().equals(member) ? new GroupMember(member, role) : m).toList());
        return changes.change(state, revoke ? GroupAction.DEMOTE : GroupAction.PROMOTE, List.of(member), after,
                others(after.usernames()));
    }

    @Override
    public StoredGroup leave(String group) throws ServiceException {
        StoredGroup held = active(group);
        GroupState state = held.state();
        if (state.members().size() == 1) {
            write(txn -> {
                crypto.storage().groups().put(txn, new StoredGroup(state, held.previous(), held.changeHash(), false));
                keys.forgetAll(txn, state.id());
                return null;
            });
            return find(state.id().hex());
        }
        GroupState after = GroupTransitions.afterLeaving(state, ownUsername.get());
        return changes.change(state, GroupAction.LEAVE, List.of(ownUsername.get()), after, others(after.usernames()));
    }

    @Override
    public int delete(String group, boolean leave) throws ServiceException {
        StoredGroup held = find(group);
        if (leave && held.active()) {
            held = leave(group);
        }
        StoredGroup last = held;
        return write(txn -> GroupErasure.erase(txn, crypto.storage(), keys, last));
    }

    @Override
    public StoredGroup rename(String group, String title) throws ServiceException {
        GroupInputs.checkTitle(title);
        GroupState state = adminOf(group);
        GroupState after = state.with(state.revision() + 1, title, null, null, null, null);
        return changes.change(state, GroupAction.RENAME, List.of(), after, others(after.usernames()));
    }

    @Override
    public StoredGroup setTimer(String group, long seconds) throws ServiceException {
        if (dev.parley.desktop.storage.DisappearingTimer.ofSeconds(seconds).isEmpty()) {
            throw new InvalidInputException("not one of the disappearing-message timers");
        }
        GroupState state = adminOf(group);
        GroupState after = state.with(state.revision() + 1, null, null, seconds, null, null);
        return changes.change(state, GroupAction.TIMER, List.of(), after, others(after.usernames()));
    }

    @Override
    public Optional<String> link(String group, boolean revoke) throws ServiceException {
        GroupState state = adminOf(group);
        if (revoke) {
            if (state.inviteSecret().length > 0) {
                changes.change(state, GroupAction.LINK, List.of(), state.with(state.revision() + 1, null, null, null,
                        new byte[0], null), others(state.usernames()));
            }
            return Optional.empty();
        }
        if (state.inviteSecret().length == 0) {
            byte[] secret = new byte[GroupState.INVITE_SECRET_BYTES];
            crypto.context().random().nextBytes(secret);
            state = changes.change(state, GroupAction.LINK, List.of(), state.with(state.revision() + 1, null, null, null,
                    secret, null), others(state.usernames())).state();
        }
        return Optional.of(invites.linkOf(state));
    }

    @Override
    public String join(String link) throws ServiceException {
        return invites.join(link);
    }

    @Override
    public StoredGroup settings(String group, Boolean approval, Boolean announcements) throws ServiceException {
        GroupState state = adminOf(group);
        int flags = state.flags();
        if (approval != null) {
            flags = approval ? flags | GroupState.FLAG_APPROVAL : flags & ~GroupState.FLAG_APPROVAL;
        }
        if (announcements != null) {
            flags = announcements ? flags | GroupState.FLAG_ANNOUNCEMENTS : flags & ~GroupState.FLAG_ANNOUNCEMENTS;
        }
        if (flags == state.flags()) {
            return active(group);
        }
        return changes.change(state, GroupAction.SETTINGS, List.of(), state.withFlags(state.revision() + 1, flags),
                others(state.usernames()));
    }

    @Override
    public List<dev.parley.desktop.storage.GroupJoinRequest> joinRequests(String group) throws ServiceException {
        return invites.waiting(active(group).state());
    }

    @Override
    public StoredGroup approve(String group, String username) throws ServiceException {
        GroupState state = adminOf(group);
        if (invites.waiting(state).stream().noneMatch(r -> r.username().equals(username))) {
            throw new InvalidInputException("no such join request");
        }
        return add(group, List.of(username));
    }

    @Override
    public void deny(String group, String username) throws ServiceException {
        if (!invites.forget(adminOf(group), username)) {
            throw new InvalidInputException("no such join request");
        }
    }

    /**
     * Adds everyone waiting to join the group of {@code conversation} when its admins do not approve requests
     * themselves (the join approver calls it after a request arrived); returns how many were added.
     */
    public int admitWaiting(String conversation) throws ServiceException {
        StoredGroup held = find(conversation);
        GroupState state = held.state();
        if (!held.active() || !state.isAdmin(ownUsername.get()) || state.approvalRequired()) {
            return 0;
        }
        List<String> waiting = invites.waiting(state).stream().map(r -> r.username()).toList();
        if (waiting.isEmpty()) {
            return 0;
        }
        add(conversation, waiting);
        return waiting.size();
    }

    @Override
    public Message send(String group, String text) throws ServiceException {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("empty message");
        }
        if (text.length() > NewMessage.MAX_BODY_CHARS) {
            throw new InvalidInputException("message longer than " + NewMessage.MAX_BODY_CHARS + " characters");
        }
        GroupState state = active(group).state();
        dev.parley.crypto.payload.MessageId id = dev.parley.crypto.payload.MessageId.random(crypto.context().random());
        Instant now = crypto.context().clock().instant();
        MessageId storedId = new MessageId(id.hex());
        Payload.Text payload = new Payload.Text(id, now.toEpochMilli(), text, null, state.timerSeconds());
        return sendPayload(state, payload, storedId, txn -> {
            ConversationId conversation = crypto.storage().conversations().group(txn, ConversationId.group(state.id()))
                    .id();
            NewMessage message = NewMessage.outgoing(storedId, conversation, ownUsername.get(), now, text);
            crypto.storage().messages().insertAllIfAbsent(txn, List.of(message));
            if (state.timerSeconds() > 0) {
                crypto.storage().disappearing().expireAt(txn, storedId, now.plusSeconds(state.timerSeconds()));
            }
            return crypto.storage().messages().find(txn, storedId).orElseThrow();
        });
    }

    /**
     * Sends any payload that may travel in a group (a reaction, an edit, a delete) to the group whose conversation is
     * {@code conversation}, committed with {@code alsoCommit}.
     */
    public <T> T sendTo(ConversationId conversation, Payload payload, MessageId outboxId,
                        TransactionFunction<T, StorageException> alsoCommit) throws ServiceException {
        GroupState state = active(conversation.value()).state();
        return sendPayload(state, payload, outboxId, alsoCommit);
    }

    private <T> T sendPayload(GroupState state, Payload payload, MessageId outboxId,
                              TransactionFunction<T, StorageException> alsoCommit) throws ServiceException {
        if (state.announcementsOnly() && !state.isAdmin(ownUsername.get())
                && (payload instanceof Payload.Text || payload instanceof Payload.Edit
                        || payload instanceof Payload.Attachment)) {
            throw new InvalidInputException("only admins post in this group");
        }
        List<Contact> recipients = members.sendable(others(state.usernames()));
        return sender.send(state, recipients, payload, outboxId, alsoCommit);
    }

    // ============================================================================================ helpers

    private StoredGroup active(String group) throws ServiceException {
        StoredGroup held = find(group);
        if (!held.active()) {
            throw new InvalidInputException("you are no longer a member of this group");
        }
        return held;
    }

    private GroupState adminOf(String group) throws ServiceException {
        GroupState state = active(group).state();
        if (!state.isAdmin(ownUsername.get())) {
            throw new InvalidInputException("only admins can change the group");
        }
        return state;
    }

    private List<String> others(List<String> usernames) {
        return usernames.stream().filter(u -> !u.equals(ownUsername.get())).toList();
    }

    private <T> T read(TransactionFunction<T, StorageException> work) throws ServiceException {
        try {
            return crypto.storage().transactions().transactionWithResult(true, work);
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the groups", e);
        }
    }

    private <T> T write(TransactionFunction<T, StorageException> work) throws ServiceException {
        try {
            return crypto.storage().transactions().transactionWithResult(false, work);
        } catch (StorageException e) {
            throw new StorageFailureException("cannot store the group", e);
        }
    }
}
