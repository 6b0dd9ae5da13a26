package dev.parley.desktop.event;

/**
 * Posted once this device learnt that it was unlinked from its account (issue #17: the relay refused its login with
 * {@code DEVICE_UNLINKED}) and wiped the account's data from the profile: the connection has stopped for good, and
 * the screens show why and what is left.
 */
public record DeviceUnlinkedEvent() implements AppEvent {
}
