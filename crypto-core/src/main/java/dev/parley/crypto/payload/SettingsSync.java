package dev.parley.crypto.payload;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Issue #17, linked devices: settings that follow the account (SETTINGS_SYNC 49, docs/protocol.md 1.18, "Settings
 * that follow the account"), sent by one of the account's devices to its others. Each entry is one setting's value as
 * text with the time it was changed (the changing device's clock, epoch milliseconds): a receiver keeps, per key, the
 * entry changed last. Keys a receiver does not know are kept as they came (a newer device's settings), never
 * interpreted.
 *
 * @param entries 1 to {@link #MAX_ENTRIES}, keys distinct
 */
public record SettingsSync(List<Entry> entries) implements Payload {
    public static final int MAX_ENTRIES = 64;
    public static final int MAX_KEY_BYTES = 64;
    public static final int MAX_VALUE_BYTES = 256;
    private static final Pattern KEY = Pattern.compile("[a-z0-9_.]{1," + MAX_KEY_BYTES + "}");

    public SettingsSync {
        entries = List.copyOf(entries);
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("1 to " + MAX_ENTRIES + " settings expected");
        }
        Set<String> keys = new HashSet<>();
        for (Entry entry : entries) {
            if (!keys.add(entry.key())) {
                throw new IllegalArgumentException("a setting appears twice");
            }
        }
    }

    @Override
    public int typeCode() {
        return PayloadType.SETTINGS_SYNC.code();
    }

    /**
     * One setting.
     *
     * @param key             lower-case ASCII letters, digits, '_' and '.', 1 to {@link #MAX_KEY_BYTES}
     * @param value           the value as text, at most {@link #MAX_VALUE_BYTES} bytes of UTF-8
     * @param changedAtMillis when it was set (epoch milliseconds, positive)
     */
    public record Entry(String key, String value, long changedAtMillis) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("not a setting key");
            }
            if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
                throw new IllegalArgumentException("setting value too long");
            }
            if (changedAtMillis <= 0) {
                throw new IllegalArgumentException("a setting's change time must be positive");
            }
        }
    }
}
