package dev.parley.desktop.service.messaging;

import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.GroupState;
import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.MessageStateChangedEvent;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.MemberReceipt;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link DefaultMessagingService} does for a group conversation (issue #15): marking it read sends each read
 * message's author a read receipt, pairwise; the author's per-member delivery and read times ("Read by 3 of 5");
 * typing, sent pairwise to every member of a group of at most {@value #MAX_TYPING_MEMBERS} members and never to a
 * larger one.
 */
final class GroupConversations {
    private static final Logger LOG = LoggerFactory.getLogger(GroupConversations.class);
    /** Largest group (members, this profile included) that typing indicators go to. */
    static final int MAX_TYPING_MEMBERS = 20;

    private final Storage storage;
    private final Clock clock;
    private final Supplier<String> ownUsername;
    private final Recipients recipients;
    private final Receipts receipts;
    private final Outbound outbound;

    GroupConversations(Storage storage, Clock clock, Supplier<String> ownUsername, Recipients recipients,
                       Receipts receipts, Outbound outbound) {
        this.storage = storage;
        this.clock = clock;
        this.ownUsername = ownUsername;
        this.recipients = recipients;
        this.receipts = receipts;
        this.outbound = outbound;
    }

    /** Whether a conversation name given to the messaging service names a group conversation ('#' and hex). */
    static boolean isGroup(String conversation) {
        return conversation.startsWith(ConversationId.GROUP_PREFIX);
    }

    private StoredGroup group(String conversation) throws ServiceException {
        try {
            GroupId id = GroupId.fromHex(conversation.substring(ConversationId.GROUP_PREFIX.length()));
            return storage.transactions().transactionWithResult(true, txn -> storage.groups().find(txn, id))
                    .orElseThrow(() -> new UnknownContactException("no such group"));
        } catch (IllegalArgumentException e) {
            throw new UnknownContactException("no such group");
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the group", e);
        }
    }

    /**
     * Marks the group's unread messages up to {@code upTo} read, {@value ReadMarks#PAGE} per transaction; with
     * {@code sendReceipts}, tells their authors after each. Returns how many were marked.
     */
    int markRead(String conversation, MessageCursor upTo, boolean sendReceipts) throws ServiceException {
        GroupId groupId = group(conversation).state().id();
        ConversationId id = ConversationId.group(groupId);
        int marked = 0;
        List<MessageId> page;
        List<MessageId> newest = List.of();
        do {
            Map<String, List<MessageId>> byAuthor = new LinkedHashMap<>();
            try {
                page = storage.transactions().transactionWithResult(false, txn -> {
                    List<MessageId> ids = storage.messages().markReadUpTo(txn, id, upTo, ReadMarks.PAGE);
                    storage.messageTimes().record(txn, ids, MessageState.READ, clock.instant());
                    for (MessageId messageId : ids) {
                        txn.attach(new MessageStateChangedEvent(conversation, messageId, MessageState.READ));
                        Optional<Message> message = storage.messages().find(txn, messageId);
                        if (message.isPresent() && message.get().direction() == Direction.INCOMING) {
                            byAuthor.computeIfAbsent(message.get().sender(), a -> new ArrayList<>()).add(messageId);
                        }
                    }
                    return ids;
                });
            } catch (StorageException e) {
                throw new StorageFailureException("cannot mark messages read", e);
            }
            if (sendReceipts) {
                for (Map.Entry<String, List<MessageId>> author : byAuthor.entrySet()) {
                    try {
                        receipts.read(author.getKey(), author.getValue());
                    } catch (ServiceException e) {
                        LOG.info("read receipt not sent to a group member: {}", e.getClass().getSimpleName());
                    }
                }
            }
            if (!page.isEmpty()) {
                newest = page;
            }
            marked += page.size();
        } while (page.size() == ReadMarks.PAGE);
        if (!newest.isEmpty()) {
            // Issue #17: this account's other devices mark them read too, up to the newest (no-op with one device).
            List<dev.parley.crypto.payload.MessageId> ids = new ArrayList<>();
            for (MessageId messageId : newest) {
                try {
                    ids.add(new dev.parley.crypto.payload.MessageId(java.util.HexFormat.of().parseHex(messageId.value())));
                } catch (IllegalArgumentException e) {
                    LOG.debug("not syncing a local line's read state");
                }
            }
            if (!ids.isEmpty()) {
                outbound.toOwnDevices(new dev.parley.crypto.payload.GroupReadSync(groupId, ids));
            }
        }
        return marked;
    }

    /** See {@link dev.parley.desktop.service.MessagingService#memberReceipts}. */
    List<MemberReceipt> memberReceipts(MessageId messageId) throws ServiceException {
        try {
            return storage.transactions().transactionWithResult(true, txn -> {
                Optional<Message> message = storage.messages().find(txn, messageId);
                if (message.isEmpty() || message.get().direction() != Direction.OUTGOING
                        || !message.get().conversationId().isGroup()) {
                    return List.<MemberReceipt>of();
                }
                String hex = message.get().conversationId().value().substring(ConversationId.GROUP_PREFIX.length());
                Optional<StoredGroup> group = storage.groups().find(txn, GroupId.fromHex(hex));
                Map<String, MemberReceipt> byMember = new LinkedHashMap<>();
                group.ifPresent(g -> g.state().usernames().stream().filter(u -> !u.equals(ownUsername.get()))
                        .forEach(u -> byMember.put(u, new MemberReceipt(u, null, null))));
                for (MemberReceipt r : storage.memberReceipts().list(txn, messageId)) {
                    byMember.put(r.member(), r);
                }
                return List.copyOf(byMember.values());
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the members' receipts", e);
        }
    }

    /** Typing to every other member of a group of at most {@value #MAX_TYPING_MEMBERS}; a larger group gets none. */
    void setTyping(String conversation, boolean typing) throws ServiceException {
        GroupState state = group(conversation).state();
        if (state.members().size() > MAX_TYPING_MEMBERS || !state.isMember(ownUsername.get())) {
            return;
        }
        for (String member : state.usernames()) {
            if (member.equals(ownUsername.get())) {
                continue;
            }
            try {
                Contact contact = recipients.find(member);
                if (recipients.mayReceiveAutomatic(contact)) {
                    outbound.ephemeral(contact, new Payload.GroupTyping(state.id(), typing));
                }
            } catch (ServiceException e) {
                LOG.debug("typing not sent to a group member: {}", e.getClass().getSimpleName());
            }
        }
    }
}
