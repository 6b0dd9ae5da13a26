package dev.parley.desktop.service.messaging;

import dev.parley.crypto.envelope.OpenedEnvelope;
import dev.parley.crypto.session.PreKeyRatchetMessage;
import dev.parley.crypto.session.SessionRecord;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Issue #11 finding 11: remembers the base key of every first (prekey) message that started a session, so that a
 * replayed first message whose session has left the record (more than {@code SessionRecord.MAX_PREVIOUS_STATES}
 * newer sessions, or a deleted record) is refused instead of becoming the current session. Later prekey messages of
 * a session still in the record decrypt as before. Entries are SHA-256 digests of the base keys, inside the
 * encrypted profile. Called under the profile's protocol lock.
 */
public final class ReplayGuard {
    /** Digests of base keys that started a session here. */
    static final SecretNamespace SEEN_BASE_KEYS = new SecretNamespace("seen-base-key");

    private final ProfileCrypto crypto;

    public ReplayGuard(ProfileCrypto crypto) {
        this.crypto = crypto;
    }

    /** True if this is a first message whose base key already started a session that is no longer in the record. */
    public boolean isReplayedFirstMessage(ProtocolUnitOfWork work, OpenedEnvelope opened) throws StorageException {
        if (!(opened.message() instanceof PreKeyRatchetMessage first)) {
            return false;
        }
        Optional<SessionRecord> record = work.loadSession(dev.parley.desktop.crypto.DeviceAddress.sender(opened).session());
        if (record.isPresent() && record.get().hasStateWithBaseKey(first.baseKey())) {
            return false;
        }
        String key = digest(first.baseKey());
        return crypto.storage().transactions().transactionWithResult(true,
                txn -> crypto.storage().secrets().contains(txn, SEEN_BASE_KEYS, key));
    }

    /**
     * Inside the transaction that commits the sessions first messages started: remembers the base key of each first
     * message among {@code opened}, once per base key (a sender writes every message as a first message until it
     * gets an answer, so a batch from one sender often repeats one base key hundreds of times).
     */
    public void rememberAll(Transaction txn, List<OpenedEnvelope> opened, long nowMillis) throws StorageException {
        Set<ByteBuffer> remembered = new HashSet<>();
        for (OpenedEnvelope envelope : opened) {
            if (envelope.message() instanceof PreKeyRatchetMessage first
                    && remembered.add(ByteBuffer.wrap(first.baseKey()))) {
                crypto.storage().secrets().put(txn, SEEN_BASE_KEYS, digest(first.baseKey()),
                        ByteBuffer.allocate(8).putLong(nowMillis).array());
            }
        }
    }

    private static String digest(byte[] baseKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(baseKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
