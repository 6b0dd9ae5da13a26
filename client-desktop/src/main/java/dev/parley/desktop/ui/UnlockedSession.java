package dev.parley.desktop.ui;

import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.net.ConnectionState;
import dev.parley.desktop.net.ObservableValue;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.settings.SettingsGateway;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * What the main window needs from an unlocked profile.
 *
 * @param services    messaging and contacts, as the UI sees them
 * @param bus         the services' event bus
 * @param connection  the relay connection state
 * @param username    reads this profile's username
 * @param settings    the settings screen's gateway
 * @param people      the people screens' gateway (requests, blocked, profile, presence, contact link)
 * @param groups      the group screens' gateway (new group, group info; issue #15)
 * @param devices     the device screens' gateway (Settings > Devices, linking; issue #17)
 */
public record UnlockedSession(UiServices services, EventBus bus, ObservableValue<ConnectionState> connection,
                              Callable<String> username, SettingsGateway settings,
                              dev.parley.desktop.ui.people.PeopleGateway people,
                              dev.parley.desktop.ui.groups.GroupsGateway groups,
                              dev.parley.desktop.ui.devices.DevicesGateway devices) {
    public UnlockedSession {
        Objects.requireNonNull(services);
        Objects.requireNonNull(bus);
        Objects.requireNonNull(connection);
        Objects.requireNonNull(username);
        Objects.requireNonNull(settings);
        Objects.requireNonNull(people);
        Objects.requireNonNull(groups);
        Objects.requireNonNull(devices);
    }
}
