package dev.parley.desktop.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SynchronousEventBusTest {
    record Ping(int n) implements AppEvent {
    }

    record Pong(int n) implements AppEvent {
    }

    @Test
    void deliversByTypeInOrderAndStopsAfterClose() {
        SynchronousEventBus bus = new SynchronousEventBus();
        List<Object> pings = new ArrayList<>();
        List<Object> all = new ArrayList<>();
        EventBus.Subscription pingSub = bus.subscribe(Ping.class, pings::add);
        bus.subscribe(AppEvent.class, all::add);

        bus.publish(new Ping(1));
        bus.publish(new Pong(2));
        pingSub.close();
        pingSub.close();
        bus.publish(new Ping(3));

        assertThat(pings).containsExactly(new Ping(1));
        assertThat(all).containsExactly(new Ping(1), new Pong(2), new Ping(3));
    }

    @Test
    void aFailingListenerDoesNotStopOthers() {
        SynchronousEventBus bus = new SynchronousEventBus();
        List<Object> seen = new ArrayList<>();
        bus.subscribe(Ping.class, p -> {
            throw new IllegalStateException("boom");
        });
        bus.subscribe(Ping.class, seen::add);
        bus.publish(new Ping(1));
        assertThat(seen).containsExactly(new Ping(1));
    }
}
