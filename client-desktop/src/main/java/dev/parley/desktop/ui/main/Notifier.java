package dev.parley.desktop.ui.main;

/** Shows a desktop notification. The app's implementation is a small toast window; called on the UI thread. */
@FunctionalInterface
public interface Notifier {
    void show(NotificationPolicy.Notification notification);
}
