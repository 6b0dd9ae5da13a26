package dev.parley.desktop.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue #17: device 1 keeps the bare username (sessions and outbox as before devices); device N is username:N. */
class DeviceAddressTest {

    @Test
    void deviceOneIsTheUsernameAndOtherDevicesCarryTheirId() {
        assertThat(new DeviceAddress("bob", 1).value()).isEqualTo("bob");
        assertThat(new DeviceAddress("bob", 12).value()).isEqualTo("bob:12");
        assertThat(DeviceAddress.parse("bob")).isEqualTo(new DeviceAddress("bob", 1));
        assertThat(DeviceAddress.parse("bob:12")).isEqualTo(new DeviceAddress("bob", 12));
        assertThat(DeviceAddress.accountOf("bob:12")).isEqualTo("bob");
        assertThat(DeviceAddress.accountOf("bob")).isEqualTo("bob");
        assertThat(new DeviceAddress("bob", 3).session().value()).isEqualTo("bob:3");
    }

    @Test
    void malformedAddressesAreRefused() {
        for (String bad : new String[] {"bob:", "bob:1", "bob:0", "bob:02", "bob:x", "bob:-2", "bob:99999999999", ":2"}) {
            assertThatThrownBy(() -> DeviceAddress.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new DeviceAddress("bob", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
