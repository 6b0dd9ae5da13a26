package dev.parley.desktop.service.contact;

import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.crypto.DeviceAddress;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.connection.RelayGateway;

/**
 * The bundle a new contact's first session starts from: device 1's ({@code fetch_bundle}), or, for an account with
 * linked devices (which the relay answers with its device list, issue #17), its first current device's
 * ({@code device_fetch_bundle}). Sessions with its other devices follow at the first send.
 */
record FirstBundle(DeviceAddress address, Response.Bundle bundle) {

    static FirstBundle fetch(RelayGateway gateway, String username) throws ServiceException {
        Response answer = gateway.call(new Request.FetchBundle(username));
        if (answer instanceof Response.DeviceListStale stale && !stale.devices().isEmpty()) {
            int device = stale.devices().get(0);
            return new FirstBundle(new DeviceAddress(username, device),
                    (Response.Bundle) gateway.call(new Request.DeviceFetchBundle(username, device)));
        }
        return new FirstBundle(DeviceAddress.first(username), (Response.Bundle) answer);
    }
}
