package dev.parley.desktop.service.device;

import dev.parley.crypto.exceptions.InvalidSignedPreKeyException;
import dev.parley.crypto.exceptions.UntrustedIdentityException;
import dev.parley.crypto.session.SessionBuilder;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.crypto.DeviceAddress;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.service.RelayRejectedException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.connection.RelayGateway;
import dev.parley.desktop.storage.StorageException;
import java.util.List;

/**
 * Issue #17: sessions with this account's other devices, started from their bundles ({@code device_fetch_bundle}), so
 * that sent transcripts reach them. A bundle must be signed by the account's own identity key.
 */
final class OwnDeviceSessions {
    private OwnDeviceSessions() {
    }

    static void start(ProfileCrypto crypto, RelayGateway gateway, String own, List<Integer> devices)
            throws ServiceException {
        for (int device : devices) {
            DeviceAddress address = new DeviceAddress(own, device);
            Response.Bundle bundle = (Response.Bundle) gateway.call(new Request.DeviceFetchBundle(own, device));
            crypto.lock().lock();
            try {
                ProtocolUnitOfWork work = crypto.state().begin();
                if (work.containsSession(address.session())) {
                    continue;
                }
                new SessionBuilder(work.stores(), crypto.context(), address.session()).initiate(bundle.bundle());
                crypto.storage().transactions().transaction(false, work::commit);
                work.committed();
            } catch (InvalidSignedPreKeyException | UntrustedIdentityException e) {
                throw new RelayRejectedException("the relay served a bundle for this account's device that the "
                        + "account's identity key did not sign");
            } catch (StorageException | ProtocolStorageException e) {
                throw new StorageFailureException("cannot store the session", e);
            } finally {
                crypto.lock().unlock();
            }
        }
    }
}
