package dev.parley.relay.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.testing.MutableClock;
import dev.parley.relay.store.DeviceStore;
import dev.parley.relay.store.InMemoryAccountStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The device ids every send reads (issue #14: a store read per recipient every 5 s was a large part of what a
 * {@code send_ephemeral} cost). A single relay is the only writer of its store, so it keeps what it read until it
 * changes the devices itself; a cluster node re-reads after the TTL, since another node may have changed them.
 */
class DeviceDirectoryTest {
    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER_KEY = new byte[] {1, 2, 3};

    private final MutableClock clock = new MutableClock();
    private final DeviceStore store = new InMemoryAccountStore().devices();

    @Test
    void aSingleRelayKeepsWhatItReadUntilItChangesTheDevicesItself() {
        DeviceDirectory directory = new DeviceDirectory(store, clock, false);
        store.reset("bob", KEY, Instant.EPOCH);
        assertThat(directory.onlyFirst("bob")).isTrue();

        store.add("bob", OTHER_KEY, new byte[0], Instant.EPOCH, 5);     // behind the directory's back
        clock.advance(Duration.ofMillis(DeviceDirectory.TTL_MILLIS * 10));
        assertThat(directory.ids("bob")).as("not read again: only this relay writes its store").containsExactly(1);

        directory.changed("bob");
        assertThat(directory.ids("bob")).containsExactly(1, 2);
        assertThat(directory.onlyFirst("bob")).isFalse();
    }

    @Test
    void aClusterNodeReadsAgainAfterTheTtl() {
        DeviceDirectory directory = new DeviceDirectory(store, clock, true);
        store.reset("bob", KEY, Instant.EPOCH);
        assertThat(directory.ids("bob")).containsExactly(1);

        store.add("bob", OTHER_KEY, new byte[0], Instant.EPOCH, 5);     // by another node
        clock.advance(Duration.ofMillis(DeviceDirectory.TTL_MILLIS - 1));
        assertThat(directory.ids("bob")).containsExactly(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(directory.ids("bob")).isEqualTo(List.of(1, 2));
    }
}
