package dev.parley.desktop.event;

/**
 * An immutable notification for the UI (or the CLI) posted by the services on the {@link EventBus}. Every
 * implementation documents who posts it and when. Events never carry secrets; message events carry the
 * conversation and message identifiers, and listeners load what they need from the services.
 */
public interface AppEvent {
}
