package dev.parley.desktop.storage.h2;

import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.secret.SecretBytes;
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
import dev.parley.desktop.storage.h2.DatabaseOpenException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

/**
 * The encrypted profile database: one embedded H2 file ({@code <base>.mv.db}) in H2's {@code CIPHER=AES} format
 * (AES-XTS file encryption), read and written by {@link EncryptedFilePath} with the JDK's AES, under a 32-byte file
 * key that the caller derives (the profile layer derives it from the passphrase). The file password H2's format
 * derives the AES key from is the lower-case hex of that key, so files written by H2's own cipher open unchanged;
 * the key is held by {@link FileKeyRing} while the storage is open and wiped when it closes. The database user and
 * its password are fixed, because the file encryption is what protects the data and a fixed user password lets the
 * file be re-keyed without touching its content.
 *
 * <p>The file is treated as untrusted input. Before anything can be written it is opened read-only and refused
 * ({@link Reason#UNTRUSTED}) if it contains triggers, aliases or other routines, schemas other than PUBLIC, or tables
 * that are not plain tables; {@code h2.allowedClasses} is restricted so H2 cannot load any class named by the file;
 * paths containing ';' are rejected so no H2 option can be smuggled into the URL; no trace file is written
 * ({@code TRACE_LEVEL_FILE=0}). Known limit: H2 compiles and runs Java-source triggers while it opens a file when a
 * Java compiler is present in the runtime, before any check can run; only someone who knows the file key can plant
 * one, and the packaged runtime must not include {@code jdk.compiler}.
 *
 * <p>H2's cipher does not authenticate (see docs/threat-model.md), so the protocol state in the {@code secrets}
 * table is also sealed row by row with XSalsa20-Poly1305 under a key derived from the file key ({@link SecretSealer}).
 *
 * <p>Schema changes are Flyway migrations in {@code db/migration}, applied on every open, plus the Java migration
 * {@link SealSecretsMigration} (V25).
 */
public final class H2Storage implements Storage {
    private final H2TransactionManager transactions;
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
    private final dev.parley.desktop.storage.history.HistoryTransferStore history;
    private final dev.parley.desktop.storage.ProfileStore profiles;
    private final PendingReceiptStore pendingReceipts;
    private final ListenCursorStore listenCursor;
    private final dev.parley.desktop.storage.GroupStore groups;
    private final dev.parley.desktop.storage.ConversationMarkStore conversationMarks;
    private final SecretSealer sealer;

    private final FileKeyRing.Lease fileKey;

    H2Storage(Connection connection, EventPublisher publisher, SecretSealer sealer, FileKeyRing.Lease fileKey) {
        this.sealer = sealer;
        this.fileKey = fileKey;
        transactions = new H2TransactionManager(connection, publisher);
        account = new H2AccountStore(transactions);
        messages = new H2MessageStore(transactions);
        conversations = new H2ConversationStore(transactions);
        reactions = new H2ReactionStore(transactions);
        disappearing = new H2DisappearingStore(transactions);
        changes = new H2MessageChangeStore(transactions);
        attachments = new H2AttachmentStore(transactions);
        contacts = new H2ContactStore(transactions);
        outbox = new H2OutboxStore(transactions);
        settings = new H2SettingsStore(transactions);
        secrets = new H2SecretStore(transactions, sealer);
        pendingReceipts = new H2PendingReceiptStore(transactions);
        receivedEnvelopes = new H2ReceivedEnvelopeStore(transactions);
        heldEnvelopes = new H2HeldEnvelopeStore(transactions);
        listenChanges = new H2ListenChangeStore(transactions);
        messageTimes = new H2MessageTimesStore(transactions);
        memberReceipts = new H2MemberReceiptStore(transactions);
        blocked = new H2BlockedStore(transactions);
        presence = new H2PresenceStore(transactions);
        conversationMarks = new H2ConversationMarkStore(transactions);
        profiles = new H2ProfileStore(transactions);
        historyEraser = new H2HistoryEraser(transactions);
        history = new H2HistoryTransferStore(transactions);
        listenCursor = new H2ListenCursorStore(transactions);
        groups = new H2GroupStore(transactions);
    }

    /** The file H2 keeps the database in, for {@code base} ({@code base + ".mv.db"}). */
    public static Path dataFile(Path base) throws DatabaseOpenException {
        return DatabaseFiles.of(base).dataFile();
    }

    /**
     * Creates a new encrypted database at {@code base} and applies the schema.
     *
     * @param base    absolute path without the {@code .mv.db} suffix; the last element must match
     *                {@code [a-z0-9][a-z0-9_-]{0,63}}
     * @param fileKey 32 bytes; the caller keeps ownership
     * @throws DatabaseOpenException ALREADY_EXISTS, INVALID_PATH, or CORRUPT if H2 or the migration fails (the partial
     *                               file is removed)
     */
    public static H2Storage create(Path base, SecretBytes fileKey, EventPublisher publisher)
            throws DatabaseOpenException {
        return create(base, fileKey, publisher, CryptoProviders.preferred());
    }

    /** As {@link #create(Path, SecretBytes, EventPublisher)}, sealing protocol state with {@code crypto}. */
    public static H2Storage create(Path base, SecretBytes fileKey, EventPublisher publisher, CryptoProvider crypto)
            throws DatabaseOpenException {
        H2Hardening.apply();
        DatabaseFiles files = DatabaseFiles.of(base);
        if (Files.exists(files.dataFile())) {
            throw new DatabaseOpenException(Reason.ALREADY_EXISTS, "a database already exists there");
        }
        boolean done = false;
        try {
            H2Storage storage = H2StorageOpener.open(files, fileKey, publisher, true, crypto);
            done = true;
            return storage;
        } finally {
            if (!done) {
                H2StorageOpener.deleteQuietly(files.dataFile());
            }
        }
    }

    /**
     * Opens an existing database: read-only inspection first (nothing is written to a file that is refused), then the
     * read-write connection and any pending migrations.
     *
     * @throws DatabaseOpenException MISSING, WRONG_KEY, CORRUPT, UNTRUSTED, IN_USE or INVALID_PATH
     */
    public static H2Storage open(Path base, SecretBytes fileKey, EventPublisher publisher)
            throws DatabaseOpenException {
        return open(base, fileKey, publisher, CryptoProviders.preferred());
    }

    /** As {@link #open(Path, SecretBytes, EventPublisher)}, sealing protocol state with {@code crypto}. */
    public static H2Storage open(Path base, SecretBytes fileKey, EventPublisher publisher, CryptoProvider crypto)
            throws DatabaseOpenException {
        return open(base, fileKey, publisher, crypto, dev.parley.desktop.storage.MigrationProgress.NONE);
    }

    /**
     * As {@link #open(Path, SecretBytes, EventPublisher, CryptoProvider)}; a database written by an older Parley is
     * migrated first, reporting to {@code progress} on this thread.
     */
    public static H2Storage open(Path base, SecretBytes fileKey, EventPublisher publisher, CryptoProvider crypto,
                                 dev.parley.desktop.storage.MigrationProgress progress) throws DatabaseOpenException {
        H2Hardening.apply();
        DatabaseFiles files = DatabaseFiles.of(base);
        if (!Files.isRegularFile(files.dataFile())) {
            throw new DatabaseOpenException(Reason.MISSING, "no database file");
        }
        return H2StorageOpener.open(files, fileKey, publisher, false, crypto, progress);
    }

    /**
     * Writes a copy of the closed database {@code source} to {@code target}, re-encrypted under {@code targetKey}.
     * The source is only read; the target appears (atomic move, synced) only once complete.
     *
     * @throws DatabaseOpenException WRONG_KEY if {@code sourceKey} does not decrypt the source, ALREADY_EXISTS if the
     *                               target exists, CORRUPT on I/O failure
     */
    public static void copyWithNewKey(Path source, SecretBytes sourceKey, Path target, SecretBytes targetKey)
            throws DatabaseOpenException {
        copyWithNewKey(source, sourceKey, target, targetKey, CryptoProviders.preferred());
    }

    /** As {@link #copyWithNewKey(Path, SecretBytes, Path, SecretBytes)}; the copy's protocol state is re-sealed. */
    public static void copyWithNewKey(Path source, SecretBytes sourceKey, Path target, SecretBytes targetKey,
                                      CryptoProvider crypto) throws DatabaseOpenException {
        H2Hardening.apply();
        new Rekeyer(DatabaseFiles.of(source), DatabaseFiles.of(target), crypto).copy(sourceKey, targetKey);
    }

    H2TransactionManager manager() {
        return transactions;
    }

    SecretSealer sealer() {
        return sealer;
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
    public dev.parley.desktop.storage.GroupStore groups() {
        return groups;
    }

    @Override
    public ListenCursorStore listenCursor() {
        return listenCursor;
    }

    @Override
    public ReceivedEnvelopeStore receivedEnvelopes() {
        return receivedEnvelopes;
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
    public java.util.Optional<dev.parley.desktop.storage.history.HistoryTransferStore> history() {
        return java.util.Optional.of(history);
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

    @Override
    public void close() {
        try {
            transactions.close();
        } finally {
            sealer.close();
            fileKey.close();
        }
    }
}
