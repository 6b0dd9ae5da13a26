package dev.parley.desktop.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionStateMachineTest {
    private final ConnectionStateMachine machine = new ConnectionStateMachine();

    @Test
    void walksTheHappyPathAndNotifiesListeners() {
        List<ConnectionStatus> seen = new ArrayList<>();
        machine.state().addListener(s -> seen.add(s.status()));

        assertThat(machine.transition(ConnectionStatus.DISCONNECTED, ConnectionState.of(ConnectionStatus.CONNECTING))).isTrue();
        assertThat(machine.transition(ConnectionStatus.CONNECTING, ConnectionState.of(ConnectionStatus.AUTHENTICATING))).isTrue();
        assertThat(machine.transition(ConnectionStatus.AUTHENTICATING, ConnectionState.of(ConnectionStatus.ONLINE))).isTrue();
        Instant next = Instant.parse("2026-01-01T00:00:01Z");
        assertThat(machine.transition(ConnectionStatus.ONLINE, ConnectionState.reconnecting(1, next, "closed"))).isTrue();
        assertThat(machine.state().get().nextAttempt()).contains(next);
        machine.stop();

        assertThat(seen).containsExactly(ConnectionStatus.CONNECTING, ConnectionStatus.AUTHENTICATING, ConnectionStatus.ONLINE,
                ConnectionStatus.RECONNECTING, ConnectionStatus.DISCONNECTED);
    }

    @Test
    void rejectsTransitionsThatSkipSteps() {
        assertThatThrownBy(() -> machine.transition(ConnectionStatus.DISCONNECTED, ConnectionState.of(ConnectionStatus.ONLINE)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> machine.transition(ConnectionStatus.CONNECTING, ConnectionState.of(ConnectionStatus.ONLINE)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(machine.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
    }

    @Test
    void aStaleExpectationChangesNothing() {
        machine.transition(ConnectionStatus.DISCONNECTED, ConnectionState.of(ConnectionStatus.CONNECTING));
        machine.stop();
        assertThat(machine.transition(ConnectionStatus.CONNECTING, ConnectionState.of(ConnectionStatus.AUTHENTICATING))).isFalse();
        assertThat(machine.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
    }

    @Test
    void reconnectingStateRequiresANextAttemptTime() {
        assertThatThrownBy(() -> ConnectionState.of(ConnectionStatus.RECONNECTING)).isInstanceOf(IllegalArgumentException.class);
    }
}
