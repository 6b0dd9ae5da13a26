package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.envelope.OpenedEnvelope;
import dev.parley.crypto.session.PreKeyRatchetMessage;
import dev.parley.crypto.session.SessionRecord;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;

/**
 * Issue #17: a contact whose first message of a new session arrives while a session with them exists (same identity
 * key, or the envelope would have been held) restarted their sessions: they restored a backup, or reinstalled. Their
 * conversation gets a system line saying so, since messages sent to them on the old session in between were lost.
 */
final class SessionRestarts {
    static final String NOTICE = "%s restarted their secure session (for example after restoring a backup). "
            + "Messages you sent them just before may not have arrived.";

    private final ProfileCrypto crypto;

    SessionRestarts(ProfileCrypto crypto) {
        this.crypto = crypto;
    }

    /**
     * True if {@code opened} starts a new session with a peer we already have an established session with (one that
     * is not itself still waiting for its first reply: both sides starting a session at once is no restart). Call
     * before decrypting.
     */
    boolean isRestart(ProtocolUnitOfWork work, OpenedEnvelope opened) {
        if (!(opened.message() instanceof PreKeyRatchetMessage first)) {
            return false;
        }
        Optional<SessionRecord> record = work.loadSession(dev.parley.desktop.crypto.DeviceAddress.sender(opened).session());
        return record.isPresent() && record.get().hasCurrentSession() && !record.get().awaitingFirstReply()
                && !record.get().hasStateWithBaseKey(first.baseKey());
    }

    /** Inside the receiving transaction, after the message decrypted: the line in the sender's conversation. */
    void record(Transaction txn, String sender) throws StorageException {
        MessageId id = new MessageId(dev.parley.crypto.payload.MessageId.random(crypto.context().random()).hex());
        NewMessage line = NewMessage.system(id, crypto.storage().conversations().direct(txn, sender).id(),
                crypto.context().clock().instant(), String.format(NOTICE, sender));
        List<Message> inserted = crypto.storage().messages().insertAllIfAbsent(txn, List.of(line));
        for (Message message : inserted) {
            txn.attach(new MessageReceivedEvent(message));
        }
    }
}
