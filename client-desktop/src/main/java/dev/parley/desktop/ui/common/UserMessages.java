package dev.parley.desktop.ui.common;

import dev.parley.desktop.service.ServiceException;
import java.text.MessageFormat;
import java.util.HexFormat;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text for the user from the i18n bundle, and the one place that turns a failure into a sentence: each
 * {@link ServiceException} type has its own key ({@code error.WrongPassphraseException}, ...); anything unexpected
 * is logged once here and shown as a generic sentence with a short support code that matches the log line.
 */
public final class UserMessages {
    private static final Logger LOG = LoggerFactory.getLogger(UserMessages.class);

    private final ResourceBundle bundle;

    public UserMessages(ResourceBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle);
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The text for {@code key}, formatted with {@code args}; the key itself when missing (visible in review). */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            LOG.warn("missing i18n key {}", key);
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }

    /** A sentence for the user about {@code failure}. */
    public String describe(Throwable failure) {
        if (failure instanceof ServiceException) {
            String key = "error." + failure.getClass().getSimpleName();
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
            return failure.getMessage();
        }
        if (failure instanceof IllegalArgumentException) {
            return failure.getMessage();
        }
        String code = HexFormat.of().toHexDigits(Objects.hashCode(failure.getClass().getName())
                ^ System.identityHashCode(failure)).substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        LOG.error("unexpected failure, support code {}", code, failure);
        return get("error.unexpected", code);
    }
}
