package dev.parley.desktop.service;

import dev.parley.desktop.storage.Setting;
import java.util.List;

/**
 * Issue #17: the settings that follow the account to all of its devices (docs/protocol.md 1.18, "Settings that
 * follow the account"): read receipts, typing indicators and who sees this account's presence. A change made here is
 * kept with the time it was made and sent to the account's other devices; the change made last wins on every device.
 * Every other setting (theme, notifications, auto-lock, backups, window) belongs to this computer alone.
 */
public interface AccountSettingsService {
    /** The settings that follow the account. */
    List<Setting<?>> FOLLOW_THE_ACCOUNT = List.of(Setting.READ_RECEIPTS, Setting.TYPING_INDICATORS,
            Setting.PRESENCE);

    <T> T get(Setting<T> setting) throws ServiceException;

    /**
     * Sets a setting here and, if it follows the account, on the account's other devices.
     *
     * @throws InvalidInputException if the value is out of range for the setting
     */
    <T> void set(Setting<T> setting, T value) throws ServiceException;
}
