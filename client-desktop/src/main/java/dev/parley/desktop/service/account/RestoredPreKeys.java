package dev.parley.desktop.service.account;

import dev.parley.crypto.session.KemPreKeyRecord;
import dev.parley.crypto.session.PreKeyGenerator;
import dev.parley.crypto.session.SignedPreKeyRecord;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.connection.RelayGateway;
import dev.parley.desktop.storage.StorageException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #17: the prekeys of a profile restored from a backup. Backups never carry prekeys, so a restored profile makes
 * new ones with ids past the old ones ({@link #regenerate}) and, at its next sign-in, replaces everything the relay
 * held of the lost device's prekeys with them in one {@code prekeys_replace} ({@link #publishIfPending}).
 */
final class RestoredPreKeys {
    private static final Logger LOG = LoggerFactory.getLogger(RestoredPreKeys.class);

    private final ProfileCrypto crypto;
    private final Supplier<RelayGateway> gateway;
    private final int stock;

    RestoredPreKeys(ProfileCrypto crypto, Supplier<RelayGateway> gateway, int stock) {
        this.crypto = crypto;
        this.gateway = gateway;
        this.stock = stock;
    }

    /**
     * Generates a new signed prekey, last-resort KEM prekey and one-time sets, all with ids past the old ones, and
     * marks them for upload at the next sign-in. Does nothing for a profile that has its current signed prekey, or none
     * yet (being created).
     *
     * @return true if new keys were made
     */
    boolean regenerate() throws StorageFailureException {
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            int signedId = work.counter(AccountKeys.SIGNED_PREKEY_ID);
            if (signedId == 0 || work.containsSignedPreKey(signedId)) {
                return false;
            }
            PreKeyGenerator generator = new PreKeyGenerator(crypto.context());
            work.storeSignedPreKey(generator.generateSignedPreKey(crypto.identity(), signedId + 1));
            work.setCounter(AccountKeys.SIGNED_PREKEY_ID, signedId + 1);
            int kemId = Math.max(work.counter(AccountKeys.NEXT_KEM_PREKEY_ID), AccountKeys.FIRST_KEM_ID);
            work.storeKemPreKey(generator.generateKemPreKey(crypto.identity(), kemId, true));
            work.setCounter(AccountKeys.LAST_RESORT_KEM_ID, kemId);
            work.setCounter(AccountKeys.NEXT_KEM_PREKEY_ID, kemId + 1);
            work.setCounter(AccountKeys.NEXT_PREKEY_ID, Math.max(work.counter(AccountKeys.NEXT_PREKEY_ID), 1));
            OneTimePreKeySets.generate(work, generator, crypto.identity(), Math.min(stock, Request.MAX_KEM_PREKEYS_PER_FRAME));
            work.setCounter(AccountKeys.UNPUBLISHED_AFTER_RESTORE, 1);
            work.setCounter(AccountKeys.ANNOUNCE_AFTER_RESTORE, 1);
            crypto.storage().transactions().transaction(false, txn -> work.commit(txn));
            work.committed();
            LOG.info("restored profile: new prekeys generated, published at the next sign-in");
            return true;
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot store the new keys of the restored profile", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    /**
     * Replaces everything the relay holds of this account's prekeys with the keys {@link #regenerate} made, if not
     * done yet.
     *
     * @return how many one-time sets the relay holds afterwards, or -1 if there was nothing to publish
     */
    int publishIfPending() throws ServiceException {
        SignedPreKeyRecord signed;
        KemPreKeyRecord lastResort;
        OneTimePreKeySets sets;
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            if (work.counter(AccountKeys.UNPUBLISHED_AFTER_RESTORE) != 1) {
                return -1;
            }
            signed = work.loadSignedPreKey(work.counter(AccountKeys.SIGNED_PREKEY_ID));
            lastResort = work.loadKemPreKey(work.counter(AccountKeys.LAST_RESORT_KEM_ID));
            sets = OneTimePreKeySets.newestStored(work);
        } catch (dev.parley.crypto.exceptions.InvalidKeyIdException | ProtocolStorageException e) {
            throw new StorageFailureException("the restored profile's prekeys are unreadable", e);
        } finally {
            crypto.lock().unlock();
        }
        // One step: the relay drops every one-time prekey it held (the lost device's, whose private halves are gone)
        // and the old signed and last-resort KEM prekeys, and holds only these.
        Response replaced = gateway.get().call(new Request.ReplacePreKeys(signed.publicPart(), sets.oneTime(),
                lastResort.publicPart(), sets.kem()));
        try {
            crypto.setCounter(AccountKeys.UNPUBLISHED_AFTER_RESTORE, 0);
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot record the published prekeys", e);
        }
        LOG.info("restored profile: the relay's prekeys replaced ({} one-time sets)", sets.oneTime().size());
        return ((Response.PreKeyCount) replaced).remaining();
    }
}
