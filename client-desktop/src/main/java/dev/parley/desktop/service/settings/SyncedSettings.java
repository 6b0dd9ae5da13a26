package dev.parley.desktop.service.settings;

import dev.parley.crypto.payload.SettingsSync;
import dev.parley.desktop.service.AccountSettingsService;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.Setting;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #17: the settings that follow the account, each with the time it was last changed on any of the account's
 * devices (docs/protocol.md 1.18). Kept in the encrypted protocol state ({@code account-setting} entries: {@code
 * changedAt (i64) || value (UTF-8)} by setting key) beside the settings store, which holds the values the rest of the
 * client reads. An entry from another device replaces the one held only if it was changed later (on equal times, the
 * greater value as text: every device settles on the same one). A key this version does not know (a newer version's
 * setting) is kept as it came, at most {@link #MAX_UNKNOWN} of them, and passed on to a device linked later.
 */
public final class SyncedSettings {
    private static final Logger LOG = LoggerFactory.getLogger(SyncedSettings.class);
    static final SecretNamespace NAMESPACE = new SecretNamespace("account-setting");
    /** Most settings of newer versions kept: another device cannot fill the profile with them. */
    static final int MAX_UNKNOWN = 32;
    /** The change time of a value set before this version kept change times: older than any change. */
    static final long UNKNOWN_TIME = 1;

    private SyncedSettings() {
    }

    /** A setting's value as text and when it was changed. */
    record Versioned(String value, long changedAtMillis) {
        boolean olderThan(SettingsSync.Entry entry) {
            return entry.changedAtMillis() > changedAtMillis
                    || entry.changedAtMillis() == changedAtMillis && entry.value().compareTo(value) > 0;
        }
    }

    /** Records a change made on this device at {@code nowMillis}; returns the entry to send to the other devices. */
    static <T> SettingsSync.Entry changedHere(Transaction txn, Storage storage, Setting<T> setting, T value,
                                              long nowMillis) throws StorageException {
        String text = setting.encode(value);
        long changedAt = Math.max(nowMillis, held(txn, storage, setting.key()).map(v -> v.changedAtMillis() + 1)
                .orElse(UNKNOWN_TIME + 1));
        storage.settings().set(txn, setting, value);
        keep(txn, storage, setting.key(), new Versioned(text, changedAt));
        return new SettingsSync.Entry(setting.key(), text, changedAt);
    }

    /**
     * Applies what another device of the account sent: each entry changed later than the one held is kept, and a
     * known setting's value set. An entry whose value this version cannot take is skipped (logged without it).
     *
     * @return the keys of the known settings whose value was set
     */
    public static List<String> apply(Transaction txn, Storage storage, SettingsSync sync) throws StorageException {
        List<String> applied = new ArrayList<>();
        for (SettingsSync.Entry entry : sync.entries()) {
            Optional<Versioned> held = held(txn, storage, entry.key());
            if (held.isPresent() && !held.get().olderThan(entry)) {
                continue;
            }
            Optional<Setting<?>> known = known(entry.key());
            if (known.isPresent()) {
                try {
                    set(txn, storage, known.get(), entry.value());
                } catch (IllegalArgumentException e) {
                    LOG.warn("a synced setting has a value this version cannot take; it is ignored");
                    continue;
                }
                applied.add(entry.key());
            } else if (held.isEmpty() && unknownCount(txn, storage) >= MAX_UNKNOWN) {
                continue;
            }
            keep(txn, storage, entry.key(), new Versioned(entry.value(), entry.changedAtMillis()));
        }
        return applied;
    }

    /**
     * Every setting that follows the account, for a device just linked: the known ones with their current value (at
     * {@link #UNKNOWN_TIME} if never changed since change times were kept) and the kept keys of newer versions.
     */
    public static SettingsSync snapshot(Transaction txn, Storage storage) throws StorageException {
        List<SettingsSync.Entry> entries = new ArrayList<>();
        for (Setting<?> setting : AccountSettingsService.FOLLOW_THE_ACCOUNT) {
            long changedAt = held(txn, storage, setting.key()).map(Versioned::changedAtMillis).orElse(UNKNOWN_TIME);
            entries.add(new SettingsSync.Entry(setting.key(), current(txn, storage, setting), changedAt));
        }
        for (String key : storage.secrets().keys(txn, NAMESPACE)) {
            if (known(key).isEmpty() && entries.size() < SettingsSync.MAX_ENTRIES) {
                Versioned v = held(txn, storage, key).orElseThrow();
                entries.add(new SettingsSync.Entry(key, v.value(), v.changedAtMillis()));
            }
        }
        return new SettingsSync(entries);
    }

    static Optional<Setting<?>> known(String key) {
        return AccountSettingsService.FOLLOW_THE_ACCOUNT.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    private static <T> String current(Transaction txn, Storage storage, Setting<T> setting) throws StorageException {
        return setting.encode(storage.settings().get(txn, setting));
    }

    private static <T> void set(Transaction txn, Storage storage, Setting<T> setting, String text)
            throws StorageException {
        storage.settings().set(txn, setting, setting.decode(text));
    }

    private static long unknownCount(Transaction txn, Storage storage) throws StorageException {
        return storage.secrets().keys(txn, NAMESPACE).stream().filter(k -> known(k).isEmpty()).count();
    }

    static Optional<Versioned> held(Transaction txn, Storage storage, String key) throws StorageException {
        Optional<byte[]> stored = storage.secrets().get(txn, NAMESPACE, key);
        if (stored.isEmpty() || stored.get().length < Long.BYTES) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(stored.get());
        long changedAt = in.getLong();
        byte[] value = new byte[in.remaining()];
        in.get(value);
        return Optional.of(new Versioned(new String(value, StandardCharsets.UTF_8), changedAt));
    }

    private static void keep(Transaction txn, Storage storage, String key, Versioned versioned)
            throws StorageException {
        byte[] value = versioned.value().getBytes(StandardCharsets.UTF_8);
        storage.secrets().put(txn, NAMESPACE, key, ByteBuffer.allocate(Long.BYTES + value.length)
                .putLong(versioned.changedAtMillis()).put(value).array());
    }
}
