package dev.parley.relay.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresLocationTest {
    @Test
    void readsHostPortDatabaseAndUserAndDefaultsThePort() {
        PostgresLocation full = PostgresLocation.parse("postgresql://db.internal:6432/parley?user=relay", Optional.empty());
        assertThat(full).extracting(PostgresLocation::host, PostgresLocation::port, PostgresLocation::database,
                PostgresLocation::user).containsExactly("db.internal", 6432, "parley", "relay");
        assertThat(full.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/parley");
        assertThat(PostgresLocation.parse("postgresql://db/parley?user=relay", Optional.empty()).port()).isEqualTo(5432);
    }

    @Test
    void refusesAPasswordOnTheCommandLineAndNeverShowsOne() {
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://db/parley?user=relay&password=hunter2", Optional.empty()))
                .hasMessageContaining("never put the password on the command line").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://relay:hunter2@db/parley?user=relay", Optional.empty()))
                .hasMessageNotContaining("hunter2");
        PostgresLocation withPassword = PostgresLocation.parse("postgresql://db/parley?user=relay",
                Optional.of("hunter2".toCharArray()));
        assertThat(withPassword.toString()).isEqualTo("postgresql://db:5432/parley?user=relay").doesNotContain("hunter2");
    }

    @Test
    void saysWhatIsMissing() {
        assertThatThrownBy(() -> PostgresLocation.parse("mysql://db/parley?user=relay", Optional.empty()))
                .hasMessageContaining("postgresql://HOST:PORT/DATABASE?user=NAME");
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://db/parley", Optional.empty()))
                .hasMessageContaining("?user=NAME");
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://db:5432/?user=relay", Optional.empty()))
                .hasMessageContaining("name the database");
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://db/parley?user=relay&sslmode=off", Optional.empty()))
                .hasMessageContaining("unknown parameter 'sslmode'");
    }
}
