package dev.parley.desktop.event;

import java.util.List;

/**
 * Posted after another device of this account changed settings that follow the account (issue #17, SETTINGS_SYNC),
 * so an open settings screen or a service that caches one reads them again.
 *
 * @param keys the changed settings' storage keys ({@link dev.parley.desktop.storage.Setting#key()})
 */
public record AccountSettingsChangedEvent(List<String> keys) implements AppEvent {
    public AccountSettingsChangedEvent {
        keys = List.copyOf(keys);
    }
}
