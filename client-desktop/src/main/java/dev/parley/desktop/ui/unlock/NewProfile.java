package dev.parley.desktop.ui.unlock;

import dev.parley.desktop.net.RelayAddress;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What the create-profile form hands to {@link ProfileGateway#create}. The passphrase array is owned by the
 * receiver, which wipes it when done.
 *
 * @param username   the name to register
 * @param passphrase the new passphrase
 * @param choice     embedded or remote relay
 * @param remote     the remote relay; present exactly for {@link RelayChoice#REMOTE}
 * @param inviteCode the invite code, if the relay asks for one
 */
public record NewProfile(String username, char[] passphrase, RelayChoice choice, Optional<RelayAddress> remote,
                         Optional<String> inviteCode) {
    public NewProfile {
        Objects.requireNonNull(username);
        Objects.requireNonNull(passphrase);
        Objects.requireNonNull(choice);
        Objects.requireNonNull(remote);
        Objects.requireNonNull(inviteCode);
        if (remote.isPresent() != (choice == RelayChoice.REMOTE)) {
            throw new IllegalArgumentException("a remote relay address goes with the REMOTE choice only");
        }
    }

    /** Overwrites the passphrase. */
    public void wipe() {
        Arrays.fill(passphrase, '\0');
    }

    @Override
    public String toString() {
        return "NewProfile[" + choice + "]";
    }
}
