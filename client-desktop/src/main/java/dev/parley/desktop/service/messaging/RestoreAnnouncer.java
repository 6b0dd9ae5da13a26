package dev.parley.desktop.service.messaging;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.service.RelayUnreachableException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.account.AccountKeys;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.StorageException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #17: after a restore from a backup, tells every contact once, on the first sign-in (after the relay's prekeys
 * were replaced): a new session is started from the contact's bundle and a RESTORED payload sent on it, so the
 * contact's next messages use the new session and their client forgets this profile as a holder of its group sender
 * keys. Only contacts that may receive automatic payloads ({@link Recipients#mayReceiveAutomatic}: not blocked, no
 * open message request or unacknowledged key). The pending mark is cleared once every contact is queued; a sign-in
 * interrupted before that repeats the announcement with the same id, which the receiver stores once.
 */
public final class RestoreAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreAnnouncer.class);
    private static final byte[] LABEL = "parley/v1/restored".getBytes(StandardCharsets.US_ASCII);

    private final ProfileCrypto crypto;
    private final Recipients recipients;
    private final Outbound outbound;
    private final DefaultMessagingService.SessionStarter sessions;

    RestoreAnnouncer(ProfileCrypto crypto, Recipients recipients, Outbound outbound,
                     DefaultMessagingService.SessionStarter sessions) {
        this.crypto = crypto;
        this.recipients = recipients;
        this.outbound = outbound;
        this.sessions = sessions;
    }

    /**
     * Announces the restore to every contact if that is pending; needs the relay (bundles). A relay that cannot be
     * reached leaves it pending for the next sign-in; a contact whose session cannot start is skipped.
     *
     * @return how many contacts were told (0 when nothing was pending)
     */
    public synchronized int announceIfPending() throws ServiceException {
        int restoreId = pendingRestore();
        if (restoreId == 0) {
            return 0;
        }
        Payload.Restored payload = new Payload.Restored(restoreMessageId(restoreId),
                crypto.context().clock().millis());
        List<Contact> contacts;
        try {
            contacts = crypto.storage().transactions().transactionWithResult(true,
                    txn -> crypto.storage().contacts().list(txn));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read contacts", e);
        }
        int told = 0;
        for (Contact contact : contacts) {
            if (!recipients.mayReceiveAutomatic(contact)) {
                continue;
            }
            try {
                sessions.start(contact.username());
                outbound.stored(recipients.find(contact.username()), payload, outbound.newOutboxId(), txn -> null);
                told++;
            } catch (RelayUnreachableException | StorageFailureException e) {
                throw e;
            } catch (ServiceException e) {
                LOG.info("a contact was not told of the restore: {}", e.getMessage());
            }
        }
        clearPending();
        LOG.info("restore announced to {} contacts", told);
        return told;
    }

    /** The new signed prekey's id while an announcement is pending, else 0. */
    private int pendingRestore() throws StorageFailureException {
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            return work.counter(AccountKeys.ANNOUNCE_AFTER_RESTORE) == 1
                    ? Math.max(1, work.counter(AccountKeys.CURRENT_SIGNED_PREKEY_ID)) : 0;
        } catch (ProtocolStorageException e) {
            throw new StorageFailureException("cannot read the restore state", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    private void clearPending() throws StorageFailureException {
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            work.setCounter(AccountKeys.ANNOUNCE_AFTER_RESTORE, 0);
            crypto.storage().transactions().transaction(false, txn -> work.commit(txn));
            work.committed();
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot record the restore announcement", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    /** SHA-256(label || own identity key || restore id)[0..16]: the same for every contact and every retry. */
    private dev.parley.crypto.payload.MessageId restoreMessageId(int restoreId) throws StorageFailureException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(LABEL);
            sha.update(crypto.identity().publicKey().bytes());
            sha.update(ByteBuffer.allocate(4).putInt(restoreId).array());
            return new dev.parley.crypto.payload.MessageId(Arrays.copyOf(sha.digest(), 16));
        } catch (ProtocolStorageException e) {
            throw new StorageFailureException("cannot load the identity key", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
