package dev.parley.desktop.storage;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A typed setting with its default. The known settings are the constants below; values are stored as text.
 *
 * @param <T> the value type
 */
public final class Setting<T> {
    /** Send read receipts to contacts. */
    public static final Setting<Boolean> READ_RECEIPTS = bool("read_receipts", true);
    /** Send and show typing indicators. */
    public static final Setting<Boolean> TYPING_INDICATORS = bool("typing_indicators", true);
    /** Show desktop notifications for new messages. */
    public static final Setting<Boolean> NOTIFICATIONS = bool("notifications", true);
    /** The UI theme. */
    public static final Setting<Theme> THEME = new Setting<>("theme", Theme.SYSTEM, Theme::name, Theme::valueOf,
            t -> true);
    /** Who sees this profile's presence; with NOBODY, no one's presence is shown either (issue #14). */
    public static final Setting<PresenceVisibility> PRESENCE = new Setting<>("presence", PresenceVisibility.CONTACTS,
            PresenceVisibility::name, PresenceVisibility::valueOf, v -> true);
    /** Lock the profile after this many idle minutes; 0 means never. 0 to 1440. */
    public static final Setting<Integer> AUTO_LOCK_MINUTES = new Setting<>("auto_lock_minutes", 15,
            String::valueOf, Integer::valueOf, m -> m >= 0 && m <= 1440);

    private final String key;
    private final T defaultValue;
    private final Function<T, String> encoder;
    private final Function<String, T> decoder;
    private final Predicate<T> valid;

    private Setting(String key, T defaultValue, Function<T, String> encoder, Function<String, T> decoder,
                    Predicate<T> valid) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.encoder = encoder;
        this.decoder = decoder;
        this.valid = valid;
    }

    private static Setting<Boolean> bool(String key, boolean defaultValue) {
        return new Setting<>(key, defaultValue, String::valueOf, Setting::parseBoolean, b -> true);
    }

    private static Boolean parseBoolean(String text) {
        if ("true".equals(text)) {
            return Boolean.TRUE;
        }
        if ("false".equals(text)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a boolean");
    }

    /** The stable storage key. */
    public String key() {
        return key;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** @throws IllegalArgumentException if the value is null or out of range */
    public String encode(T value) {
        Objects.requireNonNull(value, key);
        if (!valid.test(value)) {
            throw new IllegalArgumentException("value out of range for setting " + key);
        }
        return encoder.apply(value);
    }

    /** @throws IllegalArgumentException if the text is not a valid value */
    public T decode(String text) {
        T value = decoder.apply(text);
        if (!valid.test(value)) {
            throw new IllegalArgumentException("value out of range for setting " + key);
        }
        return value;
    }

    @Override
    public String toString() {
        return "Setting[" + key + "]";
    }
}
