package dev.parley.desktop.service.connection;

import dev.parley.desktop.service.ServiceException;

/** Supplies the login credentials of the unlocked account (the account service). */
@FunctionalInterface
public interface CredentialsSource {
    /** @throws dev.parley.desktop.service.NotRegisteredException if the account is not registered with a relay */
    RelayCredentials credentials() throws ServiceException;

    /** Issue #17: the relay accepted a login with a tentative device credential: it is this device's credential now. */
    default void tentativeCredentialAccepted() {
    }

    /** Issue #17: the relay refused a login with a tentative device credential: it never took it; forget it. */
    default void tentativeCredentialRefused() {
    }
}
