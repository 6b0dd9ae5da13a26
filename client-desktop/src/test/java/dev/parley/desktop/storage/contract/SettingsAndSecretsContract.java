package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.Transaction;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.Setting;
import dev.parley.desktop.storage.Theme;
import org.junit.jupiter.api.Test;

public abstract class SettingsAndSecretsContract extends StorageContract {

    @Test
    void settingsHaveDefaultsAndRoundTrip() throws Exception {
        assertThat(read((Transaction txn) -> storage.settings().get(txn, Setting.READ_RECEIPTS))).isTrue();
        assertThat(read((Transaction txn) -> storage.settings().get(txn, Setting.TYPING_INDICATORS))).isTrue();
        assertThat(read((Transaction txn) -> storage.settings().get(txn, Setting.NOTIFICATIONS))).isTrue();
        assertThat(read((Transaction txn) -> storage.settings().get(txn, Setting.THEME))).isEqualTo(Theme.SYSTEM);
        assertThat(read((Transaction txn) -> storage.settings().get(txn, Setting.AUTO_LOCK_MINUTES))).isEqualTo(15);
        write((Transaction txn) -> {
            storage.settings().set(txn, Setting.READ_RECEIPTS, false);
            storage.settings().set(txn, Setting.THEME, Theme.DARK);
            storage.settings().set(txn, Setting.AUTO_LOCK_MINUTES, 0);
        });
        assertThat(read((Transaction txn) -> storage.settings().get(txn, Setting.READ_RECEIPTS))).isFalse();
        assertThat(read((Transaction txn) -> storage.settings().get(txn, Setting.THEME))).isEqualTo(Theme.DARK);
        assertThat(read((Transaction txn) -> storage.settings().get(txn, Setting.AUTO_LOCK_MINUTES))).isZero();
        write((Transaction txn) -> storage.settings().reset(txn, Setting.THEME));
        assertThat(read((Transaction txn) -> storage.settings().get(txn, Setting.THEME))).isEqualTo(Theme.SYSTEM);
    }

    @Test
    void outOfRangeSettingIsRejectedAndNothingChanges() throws Exception {
        assertThatThrownBy(() -> write((Transaction txn) -> storage.settings().set(txn, Setting.AUTO_LOCK_MINUTES, -1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> write((Transaction txn) -> storage.settings().set(txn, Setting.AUTO_LOCK_MINUTES, 1441)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(read((Transaction txn) -> storage.settings().get(txn, Setting.AUTO_LOCK_MINUTES))).isEqualTo(15);
    }

    @Test
    void secretsRoundTripAsCopiesPerNamespace() throws Exception {
        byte[] value = {1, 2, 3};
        write((Transaction txn) -> {
            storage.secrets().put(txn, SecretNamespace.SESSIONS, "bob.1", value);
            storage.secrets().put(txn, SecretNamespace.SESSIONS, "alice.1", new byte[] {9});
            storage.secrets().put(txn, SecretNamespace.PREKEYS, "7", new byte[] {7});
        });
        value[0] = 42;
        byte[] loaded = read((Transaction txn) -> storage.secrets().get(txn, SecretNamespace.SESSIONS, "bob.1")).orElseThrow();
        assertThat(loaded).containsExactly(1, 2, 3);
        loaded[0] = 99;
        assertThat(read((Transaction txn) -> storage.secrets().get(txn, SecretNamespace.SESSIONS, "bob.1")).orElseThrow())
                .containsExactly(1, 2, 3);
        assertThat(read((Transaction txn) -> storage.secrets().keys(txn, SecretNamespace.SESSIONS)))
                .containsExactly("alice.1", "bob.1");
        assertThat(read((Transaction txn) -> storage.secrets().contains(txn, SecretNamespace.PREKEYS, "bob.1"))).isFalse();
        write((Transaction txn) -> storage.secrets().put(txn, SecretNamespace.SESSIONS, "bob.1", new byte[] {4}));
        assertThat(read((Transaction txn) -> storage.secrets().get(txn, SecretNamespace.SESSIONS, "bob.1")).orElseThrow())
                .containsExactly(4);
        assertThat(writeAndGet((Transaction txn) -> storage.secrets().delete(txn, SecretNamespace.SESSIONS, "bob.1"))).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.secrets().delete(txn, SecretNamespace.SESSIONS, "bob.1"))).isFalse();
        assertThat(read((Transaction txn) -> storage.secrets().get(txn, SecretNamespace.SESSIONS, "bob.1"))).isEmpty();
    }

    @Test
    void badSecretKeysAreRejected() {
        assertThatThrownBy(() -> write((Transaction txn) -> storage.secrets().put(txn, SecretNamespace.IDENTITY, "", new byte[1])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> write((Transaction txn) -> storage.secrets().put(txn, SecretNamespace.IDENTITY, "a\nb",
                new byte[1]))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretNamespace("Bad Name")).isInstanceOf(IllegalArgumentException.class);
    }
}
