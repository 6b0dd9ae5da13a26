package dev.parley.desktop.ui.devices;

import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.RelayRejectedException;
import dev.parley.desktop.service.RelayUnreachableException;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Locale;

/**
 * Failures of linking, renaming and unlinking as the user reads them: the services' own sentences for what they
 * explain precisely (a wrong or expired code, the last device, a device that did not answer), the general ones
 * otherwise.
 */
public final class DeviceErrors {
    private DeviceErrors() {
    }

    public static String describe(Exception e, UserMessages messages) {
        if (e instanceof InvalidInputException || e instanceof RelayRejectedException
                || e instanceof RelayUnreachableException && e.getCause() == null) {
            return sentence(e.getMessage());
        }
        return messages.describe(e);
    }

    private static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String s = text.strip();
        s = s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
