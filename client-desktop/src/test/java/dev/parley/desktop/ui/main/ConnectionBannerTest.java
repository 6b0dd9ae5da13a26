package dev.parley.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.testing.MutableClock;
import dev.parley.desktop.net.ConnectionState;
import dev.parley.desktop.net.ConnectionStatus;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConnectionBannerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final ConnectionBanner banner = new ConnectionBanner(clock, new UserMessages(ViewLoader.defaultBundle()));

    @Test
    void nothingWhenOnline() {
        assertThat(banner.text(ConnectionState.of(ConnectionStatus.ONLINE))).isEmpty();
    }

    @Test
    void saysWhatIsHappeningOtherwise() {
        assertThat(banner.text(ConnectionState.of(ConnectionStatus.CONNECTING))).contains("Connecting to the relay...");
        assertThat(banner.text(ConnectionState.DISCONNECTED)).contains("Offline.");
        ConnectionState retry = ConnectionState.reconnecting(3, clock.instant().plusMillis(7_400), "refused");
        assertThat(banner.text(retry)).contains("Offline. Reconnecting in 8 s.");
        clock.advance(Duration.ofSeconds(30));
        assertThat(banner.text(retry)).contains("Offline. Reconnecting in 0 s.");
    }
}
