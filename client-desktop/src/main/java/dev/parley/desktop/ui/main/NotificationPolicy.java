package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether an incoming message raises a notification and what it says: only while the window is not
 * focused, only if notifications are on, and without the message text unless the user enabled it. Pure.
 */
public final class NotificationPolicy {
    private static final int MAX_BODY = 120;

    private final UserMessages messages;

    public NotificationPolicy(UserMessages messages) {
        this.messages = Objects.requireNonNull(messages);
    }

    /** A notification to show. */
    public record Notification(String title, String body) {
    }

    /**
     * @param enabled       the "notify me" setting
     * @param showText      the "show message text" setting
     * @param windowFocused whether the app window has the focus
     */
    public Optional<Notification> decide(MessageView message, boolean enabled, boolean showText, boolean windowFocused) {
        return decide(message, message.contact(), enabled, showText, windowFocused);
    }

    /** As {@link #decide(MessageView, boolean, boolean, boolean)}, naming the sender {@code senderName} (#14). */
    public Optional<Notification> decide(MessageView message, String senderName, boolean enabled, boolean showText,
                                         boolean windowFocused) {
        if (!enabled || windowFocused || message.outgoing()) {
            return Optional.empty();
        }
        String title = messages.get("notification.newMessage", senderName);
        String body = showText ? abbreviate(message.text()) : "";
        return Optional.of(new Notification(title, body));
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_BODY ? oneLine : oneLine.substring(0, MAX_BODY - 3) + "...";
    }
}
