package dev.parley.desktop.service.account;

import dev.parley.desktop.crypto.DeviceRecords;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.connection.RelayCredentials;
import dev.parley.desktop.storage.StorageException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #17: this device's own login key. Device 1 gets one when it links its first other device, a linked device at
 * linking; until the relay has accepted a new key it is tentative, and the relay's answer confirms or drops it.
 */
final class DeviceLogins {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceLogins.class);

    private final ProfileCrypto crypto;

    DeviceLogins(ProfileCrypto crypto) {
        this.crypto = crypto;
    }

    /** This device's login, once it has a credential key (confirmed, or else a pending one, tentatively). */
    Optional<RelayCredentials.DeviceLogin> current() throws StorageFailureException {
        crypto.lock().lock();
        try {
            DeviceRecords devices = crypto.state().begin().devices();
            Optional<byte[]> seed = devices.credentialSeed();
            boolean tentative = seed.isEmpty();
            if (tentative) {
                seed = devices.pendingCredentialSeed();
            }
            if (seed.isEmpty()) {
                return Optional.empty();
            }
            dev.parley.crypto.primitives.Ed25519KeyPair key = crypto.context().crypto().ed25519()
                    .keyPairFromSeed(dev.parley.crypto.secret.SecretBytes.wrap(seed.get()));
            return Optional.of(new RelayCredentials.DeviceLogin(devices.ownDeviceId(),
                    message -> crypto.context().crypto().ed25519().sign(key, message), tentative));
        } catch (ProtocolStorageException e) {
            throw new StorageFailureException("cannot read the device credential", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    /** Records the relay's answer to a tentative login: the pending key becomes this device's, or is dropped. */
    void settlePending(boolean accepted) {
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            if (accepted) {
                work.devices().confirmPendingCredential();
            } else {
                work.devices().clearPendingCredential();
            }
            crypto.storage().transactions().transaction(false, txn -> work.commit(txn));
            work.committed();
        } catch (StorageException | ProtocolStorageException e) {
            LOG.warn("cannot record the relay's answer about this device's credential key");
        } finally {
            crypto.lock().unlock();
        }
    }
}
