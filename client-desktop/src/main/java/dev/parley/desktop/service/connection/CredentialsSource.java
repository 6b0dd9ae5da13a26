package dev.parley.desktop.service.connection;

import dev.parley.desktop.service.ServiceException;

/** Supplies the login credentials of the unlocked account (the account service). */
@FunctionalInterface
public interface CredentialsSource {
    /** @throws dev.parley.desktop.service.NotRegisteredException if the account is not registered with a relay */
    RelayCredentials credentials() throws ServiceException;
}
