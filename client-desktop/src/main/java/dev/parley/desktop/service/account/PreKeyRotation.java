package dev.parley.desktop.service.account;

import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.session.KemPreKeyRecord;
import dev.parley.crypto.session.PreKeyGenerator;
import dev.parley.crypto.session.SignedPreKeyRecord;
import dev.parley.crypto.wire.Request;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.connection.RelayGateway;
import dev.parley.desktop.storage.StorageException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotation of the medium-term prekeys (finding 3 of the security review): the signed prekey and the last-resort KEM
 * prekey are replaced together once the current ones are {@link PreKeyGenerator#ROTATION_INTERVAL} old (by the
 * context's clock), and a replaced one is deleted once its successor is {@link PreKeyGenerator#RETENTION} old, so late
 * first messages naming it still decrypt until then.
 */
final class PreKeyRotation {
    private static final Logger LOG = LoggerFactory.getLogger(PreKeyRotation.class);

    /** Counter: 1 while the newest rotation's keys were stored but the relay has not confirmed them. */
    static final String UNPUBLISHED = "rotation-unpublished";

    private final ProfileCrypto crypto;
    private final Supplier<RelayGateway> gateway;

    PreKeyRotation(ProfileCrypto crypto, Supplier<RelayGateway> gateway) {
        this.crypto = crypto;
        this.gateway = gateway;
    }

    /**
     * Rotates if the current signed prekey is due or there is no last-resort KEM prekey yet (a profile migrated from
     * Parley 0.1), and deletes replaced keys past retention.
     */
    void rotateIfDue() throws ServiceException {
        boolean due;
        boolean unpublished;
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            SignedPreKeyRecord current = work.loadSignedPreKey(work.counter(AccountKeys.SIGNED_PREKEY_ID));
            // A profile from Parley 0.1 has no last-resort KEM prekey: without one the relay hands out no bundle.
            due = new PreKeyGenerator(crypto.context()).isRotationDue(current)
                    || work.counter(AccountKeys.LAST_RESORT_KEM_ID) == 0;
            unpublished = work.counter(UNPUBLISHED) != 0;
        } catch (InvalidKeyIdException | ProtocolStorageException e) {
            throw new StorageFailureException("the profile's signed prekey is unreadable", e);
        } finally {
            crypto.lock().unlock();
        }
        if (due) {
            rotate();
        } else if (unpublished) {
            publishCurrent();
        }
        deleteExpired();
    }

    /**
     * Generates, stores and uploads a new signed prekey and a new last-resort KEM prekey. The keys are stored marked
     * unpublished and the mark is cleared only once the relay took them: a rotation whose upload fails (the connection
     * stopped in between) is not "done" — the next call publishes the same keys ({@link #publishCurrent}) instead of
     * leaving the relay handing out the replaced ones until they are deleted.
     */
    void rotate() throws ServiceException {
        SignedPreKeyRecord signed;
        KemPreKeyRecord lastResort;
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            PreKeyGenerator generator = new PreKeyGenerator(crypto.context());
            int id = work.counter(AccountKeys.SIGNED_PREKEY_ID) + 1;
            signed = generator.generateSignedPreKey(crypto.identity(), id);
            work.storeSignedPreKey(signed);
            work.setCounter(AccountKeys.SIGNED_PREKEY_ID, id);
            int kemId = Math.max(work.counter(AccountKeys.NEXT_KEM_PREKEY_ID), AccountKeys.FIRST_KEM_ID);
            lastResort = generator.generateKemPreKey(crypto.identity(), kemId, true);
            work.storeKemPreKey(lastResort);
            work.setCounter(AccountKeys.NEXT_KEM_PREKEY_ID, kemId + 1);
            work.setCounter(AccountKeys.LAST_RESORT_KEM_ID, kemId);
            work.setCounter(UNPUBLISHED, 1);
            crypto.storage().transactions().transaction(false, txn -> work.commit(txn));
            work.committed();
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot store the new signed prekey", e);
        } finally {
            crypto.lock().unlock();
        }
        publish(signed, lastResort);
        LOG.info("rotated the signed prekey and the last-resort KEM prekey");
    }

    /** Uploads the current signed and last-resort KEM prekeys of a rotation whose upload did not complete. */
    private void publishCurrent() throws ServiceException {
        SignedPreKeyRecord signed;
        KemPreKeyRecord lastResort;
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            signed = work.loadSignedPreKey(work.counter(AccountKeys.SIGNED_PREKEY_ID));
            lastResort = work.loadKemPreKey(work.counter(AccountKeys.LAST_RESORT_KEM_ID));
        } catch (InvalidKeyIdException | ProtocolStorageException e) {
            throw new StorageFailureException("the profile's signed prekey is unreadable", e);
        } finally {
            crypto.lock().unlock();
        }
        publish(signed, lastResort);
        LOG.info("published the signed prekey and the last-resort KEM prekey of an earlier rotation");
    }

    private void publish(SignedPreKeyRecord signed, KemPreKeyRecord lastResort) throws ServiceException {
        gateway.get().call(new Request.UploadPreKeys(signed.publicPart(), List.of(), lastResort.publicPart(), List.of()));
        try {
            crypto.setCounter(UNPUBLISHED, 0);
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot record the published prekeys", e);
        }
    }

    /**
     * Deletes each signed prekey and last-resort KEM prekey whose successor (the next newer one of its kind) was
     * created at least {@link PreKeyGenerator#RETENTION} ago. The current ones are never deleted.
     */
    private void deleteExpired() throws StorageFailureException {
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            PreKeyGenerator generator = new PreKeyGenerator(crypto.context());
            List<SignedPreKeyRecord> signed = work.loadSignedPreKeys();
            for (int i = 0; i + 1 < signed.size(); i++) {
                if (generator.mayDelete(signed.get(i + 1).createdAt())) {
                    work.removeSignedPreKey(signed.get(i).id());
                }
            }
            List<KemPreKeyRecord> lastResort = work.loadKemPreKeys().stream().filter(KemPreKeyRecord::isLastResort)
                    .toList();
            for (int i = 0; i + 1 < lastResort.size(); i++) {
                Instant successorCreated = lastResort.get(i + 1).createdAt();
                if (generator.mayDelete(successorCreated)) {
                    work.removeKemPreKey(lastResort.get(i).id());
                }
            }
            if (!work.isEmpty()) {
                crypto.storage().transactions().transaction(false, txn -> work.commit(txn));
                work.committed();
                LOG.info("deleted replaced prekeys past their retention");
            }
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot delete replaced prekeys", e);
        } finally {
            crypto.lock().unlock();
        }
    }
}
