package dev.parley.desktop.app;

import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.account.AccountKeys;
import dev.parley.desktop.service.connection.PreKeyReplenisher;
import dev.parley.desktop.service.messaging.RestoreAnnouncer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs in the background after each sign-in and each {@code prekeys_low}: the prekey upkeep ({@link AccountKeys},
 * which after a restore first replaces the relay's prekeys), then, after a restore, telling contacts
 * ({@link RestoreAnnouncer}, issue #17). Both are no-ops when nothing is due.
 */
final class AfterSignIn implements PreKeyReplenisher {
    private static final Logger LOG = LoggerFactory.getLogger(AfterSignIn.class);

    private final AccountKeys keys;
    private final RestoreAnnouncer restore;

    AfterSignIn(AccountKeys keys, RestoreAnnouncer restore) {
        this.keys = keys;
        this.restore = restore;
    }

    @Override
    public void replenish(int remaining) {
        keys.replenish(remaining);
        try {
            restore.announceIfPending();
        } catch (ServiceException e) {
            LOG.info("restore not announced yet ({}); retried at the next sign-in", e.getMessage());
        } catch (RuntimeException e) {
            LOG.info("restore not announced yet; retried at the next sign-in");
            LOG.debug("restore announcement failure", e);
        }
    }
}
