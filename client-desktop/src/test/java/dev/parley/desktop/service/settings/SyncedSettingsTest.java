package dev.parley.desktop.service.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.payload.SettingsSync;
import dev.parley.crypto.payload.SettingsSync.Entry;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.storage.PresenceVisibility;
import dev.parley.desktop.storage.Setting;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.memory.InMemoryStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue #17, settings that follow the account (docs/protocol.md 1.18): the change made last wins whatever order the
 * syncs arrive in; equal times settle on the same value everywhere; a newer version's keys are kept (bounded) and passed
 * on; a value this version cannot take is skipped alone; device-local settings are never sent.
 */
class SyncedSettingsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_000_000), ZoneOffset.UTC);
    private final Storage storage = new InMemoryStorage();
    private final List<dev.parley.crypto.payload.Payload> sent = new CopyOnWriteArrayList<>();
    private final DefaultAccountSettings settings = new DefaultAccountSettings(storage, CLOCK, sent::add);

    @Test
    void aChangeHereIsSentWithTheInjectedClocksTimeAndOnlyForSettingsThatFollowTheAccount() throws Exception {
        settings.set(Setting.READ_RECEIPTS, false);
        settings.set(Setting.THEME, dev.parley.desktop.storage.Theme.DARK);
        settings.set(Setting.AUTO_LOCK_MINUTES, 5);
        assertThat(sent).containsExactly(new SettingsSync(List.of(new Entry("read_receipts", "false", 1_000_000))));
        // a second change in the same millisecond still moves forward, so it wins over the first everywhere
        settings.set(Setting.READ_RECEIPTS, true);
        assertThat(((SettingsSync) sent.get(1)).entries().get(0).changedAtMillis()).isEqualTo(1_000_001);
        assertThat(settings.get(Setting.THEME)).isEqualTo(dev.parley.desktop.storage.Theme.DARK);
        assertThatThrownBy(() -> settings.set(Setting.AUTO_LOCK_MINUTES, -1)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theChangeMadeLastWinsInAnyOrderOfArrival() throws Exception {
        SettingsSync older = new SettingsSync(List.of(new Entry("read_receipts", "false", 10)));
        SettingsSync newer = new SettingsSync(List.of(new Entry("read_receipts", "true", 20)));
        assertThat(apply(older)).containsExactly("read_receipts");
        assertThat(apply(newer)).containsExactly("read_receipts");
        assertThat(apply(older)).as("a stale update does not override a newer one").isEmpty();
        assertThat(settings.get(Setting.READ_RECEIPTS)).isTrue();
        // equal times: the greater value as text, on every device whatever the order
        assertThat(apply(new SettingsSync(List.of(new Entry("typing_indicators", "false", 30))))).isNotEmpty();
        assertThat(apply(new SettingsSync(List.of(new Entry("typing_indicators", "true", 30))))).isNotEmpty();
        assertThat(apply(new SettingsSync(List.of(new Entry("typing_indicators", "false", 30))))).isEmpty();
        assertThat(settings.get(Setting.TYPING_INDICATORS)).isTrue();
        // a change made here later than what arrived wins over it
        settings.set(Setting.READ_RECEIPTS, false);
        assertThat(apply(newer)).isEmpty();
        assertThat(settings.get(Setting.READ_RECEIPTS)).isFalse();
    }

    @Test
    void aNewerVersionsKeysAreKeptBoundedAndPassedOnAndABadValueIsSkippedAlone() throws Exception {
        assertThat(apply(new SettingsSync(List.of(new Entry("presence", "EVERYONE_ON_MARS", 50),
                new Entry("link.previews", "off", 40), new Entry("typing_indicators", "false", 40)))))
                .containsExactly("typing_indicators");
        assertThat(settings.get(Setting.PRESENCE)).isEqualTo(PresenceVisibility.CONTACTS);
        assertThat(settings.get(Setting.TYPING_INDICATORS)).isFalse();
        for (int i = 0; i < SyncedSettings.MAX_UNKNOWN + 5; i++) {
            apply(new SettingsSync(List.of(new Entry("newer.setting" + i, "x", 40))));
        }
        SettingsSync snapshot = storage.transactions().transactionWithResult(true,
                txn -> SyncedSettings.snapshot(txn, storage));
        assertThat(snapshot.entries()).extracting(Entry::key).startsWith("read_receipts", "typing_indicators",
                "presence").contains("link.previews").hasSize(3 + SyncedSettings.MAX_UNKNOWN);
        assertThat(snapshot.entries()).contains(new Entry("typing_indicators", "false", 40),
                new Entry("read_receipts", "true", SyncedSettings.UNKNOWN_TIME), new Entry("link.previews", "off", 40));
        // a newer value for a kept key still replaces it
        apply(new SettingsSync(List.of(new Entry("link.previews", "on", 41))));
        assertThat(storage.transactions().transactionWithResult(true,
                txn -> SyncedSettings.held(txn, storage, "link.previews")).orElseThrow().value()).isEqualTo("on");
    }

    private List<String> apply(SettingsSync sync) throws Exception {
        return storage.transactions().transactionWithResult(false, txn -> SyncedSettings.apply(txn, storage, sync));
    }
}
