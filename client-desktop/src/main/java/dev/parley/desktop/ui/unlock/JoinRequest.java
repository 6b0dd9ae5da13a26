package dev.parley.desktop.ui.unlock;

import dev.parley.desktop.net.RelayAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * What "Link to an existing account" hands to {@link ProfileGateway#join} (issue #17). The passphrase array is owned
 * by the receiver, which wipes it when done.
 *
 * @param relay      the relay the account's other device uses
 * @param code       the short code or the {@code parley://link/...} link the other device shows
 * @param deviceName the name the other device shows for this one
 * @param passphrase the new profile's passphrase
 */
public record JoinRequest(RelayAddress relay, String code, String deviceName, char[] passphrase) {
    public JoinRequest {
        Objects.requireNonNull(relay);
        Objects.requireNonNull(code);
        Objects.requireNonNull(deviceName);
        Objects.requireNonNull(passphrase);
    }

    /** Overwrites the passphrase. */
    public void wipe() {
        Arrays.fill(passphrase, '\0');
    }

    @Override
    public String toString() {
        return "JoinRequest[]";
    }
}
