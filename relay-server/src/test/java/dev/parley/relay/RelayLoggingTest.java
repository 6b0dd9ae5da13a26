package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.relay.cli.RelayCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 20: the command-line relay logs in one format on one stream (stderr), Grizzly's java.util.logging
 * lines included, key=value by default or JSON lines, and without Flyway's known "H2 newer than verified" warning.
 */
class RelayLoggingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Output(List<String> stdout, List<String> stderr) {
    }

    /** Runs the relay's main in a child JVM until it listens, then stops it with SIGTERM. */
    private Output runRelay() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RelayCommand.class.getName(), "--port", "0",
                "--metrics-port", "0", "--data-dir", dir.resolve("data").toString());
        builder.environment().remove("PARLEY_RELAY_LOG_FORMAT");
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.readString(out).contains("Parley relay listening on") && process.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        return new Output(Files.readAllLines(out, StandardCharsets.UTF_8), Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    @Test
    void keyValueLinesOnStderrOnlyIncludingGrizzlysAndNoFlywayVersionWarning() throws Exception {
        Output output = runRelay();
        assertThat(output.stdout()).allMatch(line -> line.startsWith("Parley relay listening on")
                || line.startsWith("Metrics on "));
        assertThat(output.stderr()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches("time=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z level=[A-Z]+ logger=\\S+ thread=\"[^\"]*\" .*"));
        assertThat(String.join("\n", output.stderr()))
                .contains("event=relay_started", "event=database_opened")
                .doesNotContain("newer than the version Flyway");
    }

    @Test
    void jsonLinesWhenAsked() throws Exception {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        ch.qos.logback.classic.LoggerContext context = new ch.qos.logback.classic.LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        try {
            System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
            ch.qos.logback.classic.joran.JoranConfigurator configurator = new ch.qos.logback.classic.joran.JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(RelayCommand.class.getResource("/parley-relay-logback-json.xml"));
            context.getLogger("dev.parley.relay.RelayServer").info("event=relay_started uri={}", "ws://127.0.0.1:1/parley");
            context.getLogger("org.flywaydb.core.internal.database.base.Database").warn("H2 is newer than verified");
        } finally {
            context.stop();
            System.setErr(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).as(context.getStatusManager().getCopyOfStatusList().toString()).hasSize(1);
        JsonNode event = JSON.readTree(lines.get(0));
        assertThat(event.get("level").asText()).isEqualTo("INFO");
        assertThat(event.get("loggerName").asText()).isEqualTo("dev.parley.relay.RelayServer");
        assertThat(event.get("formattedMessage").asText()).isEqualTo("event=relay_started uri=ws://127.0.0.1:1/parley");
    }
}
