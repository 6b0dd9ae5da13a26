package dev.parley.desktop.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue #11 finding 7: plain ws:// only for a relay on this computer; everything else needs pinned wss://. */
class RelayAddressLoopbackTest {
    private static final String PIN = "AB".repeat(32);

    @Test
    void finding7PlainWebSocketsAreAcceptedOnlyForLoopbackHosts() {
        for (String host : new String[] {"127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "[::1]"}) {
            assertThat(RelayAddress.parse("ws://" + host + ":8080/parley", null).secure()).as(host).isFalse();
        }
        for (String host : new String[] {"relay.example", "10.0.0.1", "192.168.1.2", "127.0.0.1.example", "[::2]",
                "128.0.0.1", "localhost.example"}) {
            assertThatThrownBy(() -> RelayAddress.parse("ws://" + host + ":8080/parley", null)).as(host)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wss://");
            assertThat(RelayAddress.parse("wss://" + host + ":8443/parley", PIN).secure()).as(host).isTrue();
        }
    }
}
