package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.AccountStore;
import dev.parley.desktop.storage.ContactStore;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.ConversationStore;
import dev.parley.desktop.storage.MessageStore;
import dev.parley.desktop.storage.ReactionStore;
import dev.parley.desktop.storage.MessageChangeStore;
import dev.parley.desktop.storage.DisappearingStore;
import dev.parley.desktop.storage.AttachmentStore;
import dev.parley.desktop.storage.OutboxStore;
import dev.parley.desktop.storage.ListenCursorStore;
import dev.parley.desktop.storage.PendingReceiptStore;
import dev.parley.desktop.storage.HeldEnvelopeStore;
import dev.parley.desktop.storage.ReceivedEnvelopeStore;
import dev.parley.desktop.storage.SecretStore;
import dev.parley.desktop.storage.SettingsStore;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.TransactionManager;

/**
 * A {@link Storage} held in memory, for unit tests of the services. It follows the same contract as the encrypted
 * database (the shared contract tests run against both), including rollback of failed write transactions (each write
 * transaction snapshots the stores first, so it is meant for test-sized data). Nothing is persisted.
 */
public final class InMemoryStorage implements Storage {
    private final InMemoryTransactionManager transactions;
    private final AccountStore account;
    private final MessageStore messages;
    private final ConversationStore conversations;
    private final ReactionStore reactions;
    private final MessageChangeStore changes;
    private final DisappearingStore disappearing;
    private final AttachmentStore attachments;
    private final ContactStore contacts;
    private final OutboxStore outbox;
    private final SettingsStore settings;
    private final SecretStore secrets;
    private final ReceivedEnvelopeStore receivedEnvelopes;
    private final HeldEnvelopeStore heldEnvelopes;
    private final dev.parley.desktop.storage.BlockedStore blocked;
    private final dev.parley.desktop.storage.MessageTimesStore messageTimes;
    private final dev.parley.desktop.storage.MemberReceiptStore memberReceipts;
    private final dev.parley.desktop.storage.ListenChangeStore listenChanges;
    private final dev.parley.desktop.storage.PresenceStore presence;
    private final dev.parley.desktop.storage.HistoryEraser historyEraser;
    private final dev.parley.desktop.storage.ProfileStore profiles;
    private final PendingReceiptStore pendingReceipts;
    private final ListenCursorStore listenCursor;
    private final dev.parley.desktop.storage.GroupStore groups;
    private final dev.parley.desktop.storage.ConversationMarkStore conversationMarks;

    public InMemoryStorage(EventPublisher publisher) {
        transactions = new InMemoryTransactionManager(publisher);
        account = new InMemoryAccountStore(transactions);
        InMemoryMessageStore messageStore = new InMemoryMessageStore(transactions);
        messages = messageStore;
        InMemoryConversationStore conversationStore = new InMemoryConversationStore(transactions);
        conversations = conversationStore;
        InMemoryReactionStore reactionStore = new InMemoryReactionStore(transactions, messageStore);
        reactions = reactionStore;
        disappearing = new InMemoryDisappearingStore(transactions, messageStore, conversations);
        InMemoryAttachmentStore attachmentStore = new InMemoryAttachmentStore(transactions);
        attachments = attachmentStore;
        InMemoryMessageChangeStore changeStore = new InMemoryMessageChangeStore(transactions, messageStore, reactionStore,
                attachmentStore);
        changes = changeStore;
        listenChanges = new InMemoryListenChangeStore(transactions);
        messageTimes = new InMemoryMessageTimesStore(transactions, messageStore);
        memberReceipts = new InMemoryMemberReceiptStore(transactions, messageStore);
        blocked = new InMemoryBlockedStore(transactions);
        presence = new InMemoryPresenceStore(transactions);
        profiles = new InMemoryProfileStore(transactions);
        InMemoryConversationMarkStore markStore = new InMemoryConversationMarkStore(transactions, conversationStore);
        conversationMarks = markStore;
        historyEraser = new InMemoryHistoryEraser(transactions, messageStore, reactionStore, conversationStore,
                changeStore, attachmentStore, markStore);
        contacts = new InMemoryContactStore(transactions);
        outbox = new InMemoryOutboxStore(transactions);
        settings = new InMemorySettingsStore(transactions);
        secrets = new InMemorySecretStore(transactions);
        pendingReceipts = new InMemoryPendingReceiptStore(transactions);
        receivedEnvelopes = new InMemoryReceivedEnvelopeStore(transactions);
        heldEnvelopes = new InMemoryHeldEnvelopeStore(transactions);
        listenCursor = new InMemoryListenCursorStore(transactions, messageStore);
        groups = new InMemoryGroupStore(transactions);
    }

    public InMemoryStorage() {
        this(EventPublisher.NONE);
    }

    @Override
    public TransactionManager transactions() {
        return transactions;
    }

    @Override
    public AccountStore account() {
        return account;
    }

    @Override
    public MessageStore messages() {
        return messages;
    }

    @Override
    public ConversationStore conversations() {
        return conversations;
    }

    @Override
    public ReactionStore reactions() {
        return reactions;
    }

    @Override
    public DisappearingStore disappearing() {
        return disappearing;
    }

    @Override
    public MessageChangeStore changes() {
        return changes;
    }

    @Override
    public AttachmentStore attachments() {
        return attachments;
    }

    @Override
    public ContactStore contacts() {
        return contacts;
    }

    @Override
    public OutboxStore outbox() {
        return outbox;
    }

    @Override
    public SettingsStore settings() {
        return settings;
    }

    @Override
    public SecretStore secrets() {
        return secrets;
    }

    @Override
    public PendingReceiptStore pendingReceipts() {
        return pendingReceipts;
    }

    @Override
    public ReceivedEnvelopeStore receivedEnvelopes() {
        return receivedEnvelopes;
    }

    @Override
    public void close() {
        transactions.close();
    }

    @Override
    public dev.parley.desktop.storage.GroupStore groups() {
        return groups;
    }

    @Override
    public ListenCursorStore listenCursor() {
        return listenCursor;
    }

    @Override
    public dev.parley.desktop.storage.ListenChangeStore listenChanges() {
        return listenChanges;
    }

    @Override
    public dev.parley.desktop.storage.MessageTimesStore messageTimes() {
        return messageTimes;
    }

    @Override
    public dev.parley.desktop.storage.MemberReceiptStore memberReceipts() {
        return memberReceipts;
    }

    @Override
    public dev.parley.desktop.storage.ConversationMarkStore conversationMarks() {
        return conversationMarks;
    }

    @Override
    public dev.parley.desktop.storage.BlockedStore blocked() {
        return blocked;
    }

    @Override
    public dev.parley.desktop.storage.PresenceStore presence() {
        return presence;
    }

    @Override
    public dev.parley.desktop.storage.HistoryEraser historyEraser() {
        return historyEraser;
    }

    @Override
    public dev.parley.desktop.storage.ProfileStore profiles() {
        return profiles;
    }

    @Override
    public HeldEnvelopeStore heldEnvelopes() {
        return heldEnvelopes;
    }
}
