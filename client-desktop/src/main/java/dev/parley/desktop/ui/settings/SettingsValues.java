package dev.parley.desktop.ui.settings;

import dev.parley.desktop.ui.common.Theme;
import java.util.Objects;

/**
 * The user's settings as the settings screen edits them.
 *
 * @param readReceipts      send read receipts
 * @param typingIndicators  send typing indicators
 * @param notifications     notify about new messages while the window is not focused
 * @param notificationText  include the message text in notifications
 * @param theme             system (follow the desktop), light or dark
 * @param autoLockMinutes   lock after this many idle minutes, 0 = never (0 to 1440)
 */
public record SettingsValues(boolean readReceipts, boolean typingIndicators, boolean notifications,
                             boolean notificationText, Theme theme, int autoLockMinutes) {
    public static final int MAX_AUTO_LOCK_MINUTES = 1440;

    public SettingsValues {
        Objects.requireNonNull(theme);
        if (autoLockMinutes < 0 || autoLockMinutes > MAX_AUTO_LOCK_MINUTES) {
            throw new IllegalArgumentException("auto-lock must be 0 to " + MAX_AUTO_LOCK_MINUTES + " minutes");
        }
    }

    /** These values with {@code readReceipts} replaced. */
    public SettingsValues withReadReceipts(boolean readReceipts) {
        return new SettingsValues(readReceipts, typingIndicators, notifications, notificationText, theme,
                autoLockMinutes);
    }

    /** These values with the settings that follow the account (issue #17) replaced. */
    public SettingsValues withAccountSettings(boolean readReceipts, boolean typingIndicators) {
        return new SettingsValues(readReceipts, typingIndicators, notifications, notificationText, theme,
                autoLockMinutes);
    }

    /** The defaults of a new profile. */
    public static SettingsValues defaults() {
        return new SettingsValues(true, true, true, false, Theme.SYSTEM, 15);
    }
}
