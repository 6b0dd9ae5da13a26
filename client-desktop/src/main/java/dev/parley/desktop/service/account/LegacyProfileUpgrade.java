package dev.parley.desktop.service.account;

import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.StorageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a profile created by Parley 0.1 to protocol v2 on its first unlock (#11, "Migration"): the identity,
 * contacts, history and prekeys are kept; every v1 session record is removed (v2 cannot continue a v1 ratchet), and
 * each conversation that had one gets a system line saying so, in the same transaction. The next message either way
 * starts a v2 (PQXDH) session. The missing last-resort KEM prekey and a new signed prekey are uploaded at the next
 * sign-in ({@link PreKeyRotation}). Runs once: the state version is recorded with the change.
 */
public final class LegacyProfileUpgrade {
    private static final Logger LOG = LoggerFactory.getLogger(LegacyProfileUpgrade.class);

    /** The line written into each conversation whose session was reset. */
    public static final String NOTICE = "Secure sessions were reset for protocol v2 (Parley 0.2). The next message "
            + "starts a new session; verify the safety number again.";

    private LegacyProfileUpgrade() {
    }

    /**
     * Migrates the profile if it was not yet brought to protocol v2 (a no-op afterwards and for profiles created by
     * 0.2 with nothing to reset).
     *
     * @return the peers whose sessions were reset
     */
    public static List<String> run(ProfileCrypto crypto) throws StorageFailureException {
        crypto.lock().lock();
        try {
            List<String> reset = crypto.storage().transactions().transactionWithResult(false, txn -> {
                if (crypto.state().isAtProtocolV2(txn)) {
                    return List.<String>of();
                }
                List<String> retired = crypto.state().retireSessionsOfOtherVersions(txn);
                Instant now = crypto.context().clock().instant();
                List<NewMessage> lines = new ArrayList<>(retired.size());
                for (String peer : retired) {
                    MessageId id = new MessageId(
                            dev.parley.crypto.payload.MessageId.random(crypto.context().random()).hex());
                    lines.add(NewMessage.system(id, crypto.storage().conversations().direct(txn, peer).id(), now, NOTICE));
                }
                crypto.storage().messages().insertAllIfAbsent(txn, lines);
                return retired;
            });
            if (!reset.isEmpty()) {
                LOG.info("profile brought to protocol v2: sessions with {} peers reset", reset.size());
            }
            return reset;
        } catch (StorageException e) {
            throw new StorageFailureException("cannot bring the profile to protocol v2", e);
        } finally {
            crypto.state().invalidateAll();
            crypto.lock().unlock();
        }
    }
}
