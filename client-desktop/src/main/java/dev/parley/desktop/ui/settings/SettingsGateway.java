package dev.parley.desktop.ui.settings;

import dev.parley.desktop.service.ServiceException;
import java.util.Optional;

/** What the settings screen reads and changes. Blocking; the view model calls it through BackgroundTasks. */
public interface SettingsGateway {

    SettingsValues load() throws ServiceException;

    /** Stores {@code values} and applies them (read receipts to the messaging service, and so on). */
    void save(SettingsValues values) throws ServiceException;

    /** The relay this profile uses, as a URI. */
    String relayAddress() throws ServiceException;

    /** The relay this profile runs on this computer, if it runs one. */
    Optional<EmbeddedRelay> embeddedRelay();

    /**
     * Re-keys the profile.
     *
     * @throws dev.parley.desktop.service.WrongPassphraseException if {@code current} is wrong
     */
    void changePassphrase(char[] current, char[] next) throws ServiceException;
}
