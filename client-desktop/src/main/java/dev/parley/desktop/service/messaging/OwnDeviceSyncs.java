package dev.parley.desktop.service.messaging;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.OwnDeviceSync;
import dev.parley.desktop.service.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OwnDeviceSync} on the outbound path (issue #17): a sync payload is queued for this account's other devices
 * like a message ({@link Outbound#toOwnDevices}); nothing with one device. A failure to queue is logged: the change
 * the user made here stands.
 */
final class OwnDeviceSyncs implements OwnDeviceSync {
    private static final Logger LOG = LoggerFactory.getLogger(OwnDeviceSyncs.class);

    private final Outbound outbound;

    OwnDeviceSyncs(Outbound outbound) {
        this.outbound = outbound;
    }

    @Override
    public void send(Payload payload) {
        try {
            outbound.toOwnDevices(payload);
        } catch (ServiceException e) {
            LOG.warn("this change is not sent to this account's other devices: {}", e.getClass().getSimpleName());
        }
    }
}
