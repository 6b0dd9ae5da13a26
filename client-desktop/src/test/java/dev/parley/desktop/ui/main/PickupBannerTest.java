package dev.parley.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.event.PickupProgressEvent;
import dev.parley.desktop.net.ConnectionState;
import dev.parley.desktop.net.ConnectionStatus;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import org.junit.jupiter.api.Test;

class PickupBannerTest {
    private final PickupBanner banner = new PickupBanner(new UserMessages(ViewLoader.defaultBundle()));

    @Test
    void nothingBeforeAnyPickup() {
        assertThat(banner.text()).isEmpty();
    }

    @Test
    void showsTheRunningCountWithGroupingUntilDone() {
        banner.progress(new PickupProgressEvent(200, false));
        assertThat(banner.text()).contains("Receiving messages... 200");
        banner.progress(new PickupProgressEvent(1200, false));
        assertThat(banner.text()).contains("Receiving messages... 1,200");
        banner.progress(new PickupProgressEvent(1200, true));
        assertThat(banner.text()).isEmpty();
    }

    @Test
    void aLostConnectionEndsThePickupAndTheNextOneStartsAfresh() {
        banner.progress(new PickupProgressEvent(300, false));
        banner.connectionChanged(ConnectionState.of(ConnectionStatus.ONLINE));
        assertThat(banner.text()).contains("Receiving messages... 300");
        banner.connectionChanged(ConnectionState.DISCONNECTED);
        assertThat(banner.text()).isEmpty();
        banner.connectionChanged(ConnectionState.of(ConnectionStatus.ONLINE));
        assertThat(banner.text()).as("no stale count after reconnecting").isEmpty();
        banner.progress(new PickupProgressEvent(50, false));
        assertThat(banner.text()).contains("Receiving messages... 50");
    }

    @Test
    void anEmptyQueueShowsNothing() {
        banner.progress(new PickupProgressEvent(0, true));
        assertThat(banner.text()).isEmpty();
    }

    @Test
    void showsAnIncomingHistoryUntilItIsCompleteApartFromThePickup() {
        assertThat(banner.historyText()).isEmpty();
        banner.history(new dev.parley.desktop.event.HistoryTransferEvent(1200, 100_000, false));
        assertThat(banner.historyText()).contains("Receiving your history... 1,200 of 100,000 messages");
        assertThat(banner.text()).as("the pickup banner is its own").isEmpty();
        banner.history(new dev.parley.desktop.event.HistoryTransferEvent(100_000, 100_000, true));
        assertThat(banner.historyText()).isEmpty();
    }
}
