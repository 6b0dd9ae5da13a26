package dev.parley.desktop.service.connection;

import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;

/**
 * The answer to a login challenge (docs/protocol.md part 2, "Authentication" and "Linked devices"): device 1 of an
 * account that never linked a device signs with its identity key ({@code authenticate}, as before devices); a device
 * with a credential key of its own signs with that ({@code device_authenticate}).
 */
final class LoginRequests {
    private LoginRequests() {
    }

    static Request answer(RelayCredentials credentials, Push.Challenge challenge) {
        if (credentials.device().isPresent()) {
            RelayCredentials.DeviceLogin device = credentials.device().get();
            byte[] signature = device.signer().sign(AuthProof.deviceMessage(challenge.relayId(), challenge.nonce(),
                    credentials.username(), device.deviceId(), credentials.channel()));
            return new Request.DeviceAuthenticate(credentials.username(), device.deviceId(), signature);
        }
        byte[] signature = credentials.signer().sign(AuthProof.signedMessage(challenge.relayId(), challenge.nonce(),
                credentials.username(), credentials.channel()));
        return new Request.Authenticate(credentials.username(), signature);
    }
}
