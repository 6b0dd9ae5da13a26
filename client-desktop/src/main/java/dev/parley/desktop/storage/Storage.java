package dev.parley.desktop.storage;

/**
 * Everything a profile stores locally, behind one transaction manager. Obtain an encrypted one by unlocking a profile
 * ({@code dev.parley.desktop.profile.ProfileManager}) or an in-memory one for tests
 * ({@code dev.parley.desktop.storage.memory.InMemoryStorage}). Store calls must run inside
 * {@link #transactions()}; every store method takes the {@link Transaction}.
 *
 * <p>Timestamps are kept at millisecond precision (values truncate on construction).
 *
 * <p>Closing releases the store; any later call fails with {@link StorageException} (or {@link IllegalStateException}
 * for a new transaction).
 */
public interface Storage extends AutoCloseable {

    TransactionManager transactions();

    AccountStore account();

    MessageStore messages();

    /** The conversations messages belong to, with their kind. */
    ConversationStore conversations();

    /** Reactions to messages, one per person per message. */
    ReactionStore reactions();

    /** Edits, deletes (tombstones and removal) and the actions waiting for their message. */
    MessageChangeStore changes();
    /** Files attached to messages, one per message. */
    AttachmentStore attachments();

    /** Conversation timers and message expiries (disappearing messages). */
    DisappearingStore disappearing();

    ContactStore contacts();

    OutboxStore outbox();

    SettingsStore settings();

    SecretStore secrets();

    /** Incoming envelopes that were decrypted and committed (what makes acknowledging a redelivery safe). */
    ReceivedEnvelopeStore receivedEnvelopes();

    HeldEnvelopeStore heldEnvelopes();

    /** Delivery receipts owed for stored messages and not yet queued in the outbox. */
    PendingReceiptStore pendingReceipts();

    /** How far the command line's {@code listen} has printed the incoming messages. */
    ListenCursorStore listenCursor();

    /** Mute and archive per conversation (issue #12). */
    ConversationMarkStore conversationMarks();

    /** Users whose envelopes are dropped unread and to whom nothing is sent (issue #14). */
    /** Sent, delivered and read times of messages ("Message info"). */
    /** Late edits, deletes and reactions for the command line's listen. */
    ListenChangeStore listenChanges();

    MessageTimesStore messageTimes();

    /** Per-member receipt times of our own group messages (issue #15). */
    MemberReceiptStore memberReceipts();

    BlockedStore blocked();

    /** When each contact was last heard from as online (issue #14, presence). */
    PresenceStore presence();

    /** Deletes whole conversations (removing a contact with its history). */
    HistoryEraser historyEraser();

    /** The own profile and those contacts shared (issue #14). */
    ProfileStore profiles();

    /** Groups this profile belongs or belonged to (issue #15). */
    GroupStore groups();

    /** Closes the store; idempotent. */
    /**
     * Issue #17: history transfer at link time, for a profile kept in a database; empty for the in-memory storage of
     * single-service tests (history transfer needs the database profile).
     */
    default java.util.Optional<dev.parley.desktop.storage.history.HistoryTransferStore> history() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
