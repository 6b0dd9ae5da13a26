package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.relay.cli.RelayCommand;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 16 (single node): rate limits and the prekey cap come from a config file with documented defaults. */
class RelayConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void settingsInTheFileReplaceTheDefaultsAndOthersKeepThem() throws Exception {
        Path file = Files.writeString(dir.resolve("relay.properties"), """
                # a load test: no send limit per connection, a slower registration bucket
                send-per-connection.burst = 100000
                send-per-connection.per-second = 50000
                register-per-address.per-second = 0.01
                max-one-time-prekeys = 500
                """);
        RelayConfig config = RelayConfigFile.apply(RelayConfig.defaults(), file);
        assertThat(config.limits().spec(RateLimit.SEND_PER_CONNECTION)).isEqualTo(new BucketSpec(100_000, 50_000));
        assertThat(config.limits().spec(RateLimit.REGISTER_PER_ADDRESS))
                .isEqualTo(new BucketSpec(RateLimit.REGISTER_PER_ADDRESS.defaultSpec().burst(), 0.01));
        assertThat(config.limits().spec(RateLimit.AUTH_PER_ADDRESS)).isEqualTo(RateLimit.AUTH_PER_ADDRESS.defaultSpec());
        assertThat(config.options().maxOneTimePreKeys()).isEqualTo(500);
    }

    @Test
    void unknownKeysAndBadValuesAreRefusedNamingTheKey() throws Exception {
        for (String[] bad : new String[][] {
                {"send-per-conection.burst = 5", "send-per-conection.burst"},
                {"send-per-connection.burst = many", "send-per-connection.burst"},
                {"send-per-connection.burst = 0", "send-per-connection.burst"},
                {"send-per-connection.per-second = -1", "send-per-connection.per-second"},
                {"max-one-time-prekeys = 2.5", "max-one-time-prekeys"}}) {
            Path file = Files.writeString(dir.resolve("bad.properties"), bad[0]);
            assertThatThrownBy(() -> RelayConfigFile.apply(RelayConfig.defaults(), file)).as(bad[0])
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad[1]);
        }
    }

    @Test
    void theCommandLineReadsTheFileAndRefusesABadOneWithAClearMessage() throws Exception {
        Path file = Files.writeString(dir.resolve("relay.properties"), "strikes-per-connection.burst = 40\n");
        RelayCommand command = new RelayCommand();
        new CommandLine(command).parseArgs("--data-dir", dir.toString(), "--config", file.toString());
        assertThat(command.config().limits().spec(RateLimit.STRIKES_PER_CONNECTION).burst()).isEqualTo(40);

        Path bad = Files.writeString(dir.resolve("bad.properties"), "nonsense = 1\n");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RelayCommand());
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("--data-dir", dir.toString(), "--port", "0", "--config", bad.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown setting(s) in the config file: nonsense");
    }

    @Test
    void everyLimitHasItsKeysDocumented() throws Exception {
        String operations = Files.readString(Path.of("..", "docs", "operations.md"));
        for (RateLimit limit : RateLimit.values()) {
            assertThat(operations).as(limit.name()).contains("`" + RelayConfigFile.keyOf(limit) + "`");
        }
        assertThat(operations).contains("`max-one-time-prekeys`");
    }
}
