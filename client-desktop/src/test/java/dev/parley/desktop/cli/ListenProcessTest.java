package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimits;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code listen} without {@code --once} as a real process (the CLI's own {@code main}) against a real relay: it prints
 * each message as it arrives and, when stopped with SIGTERM, locks the profile and exits.
 */
class ListenProcessTest {
    private static final java.util.function.UnaryOperator<dev.parley.desktop.app.AppConfig> CHEAP_ARGON2 =
            config -> config.withArgon2(new dev.parley.crypto.primitives.Argon2Params(1024, 1, 1));
    private static final int SIGTERM_EXIT = 128 + 15;

    @TempDir
    Path dir;
    private RelayServer relay;
    private Process listener;

    @BeforeAll
    static void hardenH2() {
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
    }

    @BeforeEach
    void startRelay() throws Exception {
        RateLimits limits = RateLimits.defaults();
        for (RateLimit limit : RateLimit.values()) {
            limits = limits.with(limit, BucketSpec.UNLIMITED);
        }
        relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dir.resolve("relay")).withLimits(limits));
    }

    @AfterEach
    void stop() {
        if (listener != null && listener.isAlive()) {
            listener.destroyForcibly();
        }
        relay.close();
    }

    @Test
    void listenPrintsMessagesAsTheyArriveAndExitsCleanlyWhenStopped() throws Exception {
        String url = relay.uri().toString();
        assertThat(cli("alice", "init", "alice", "--relay", url)).isZero();
        assertThat(cli("bob", "init", "bob", "--relay", url)).isZero();
        assertThat(cli("alice", "register")).isZero();
        assertThat(cli("bob", "register")).isZero();
        assertThat(cli("alice", "add-contact", "bob")).isZero();

        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ParleyCli.class.getName(), "listen")
                .redirectError(dir.resolve("listen.err").toFile());
        builder.environment().putAll(environment("bob"));
        listener = builder.start();
        listener.getOutputStream().close();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(listener.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("READ FAILED: " + e.getMessage());
            }
        }, "listen-output");
        reader.start();

        assertThat(cli("alice", "send", "bob", "first while listening")).isZero();
        String first = lines.poll(60, TimeUnit.SECONDS);
        assertThat(first).as("stderr: %s", stderr()).isNotNull().startsWith("alice\tINCOMING\t").endsWith("\tfirst while listening");
        assertThat(cli("alice", "send", "bob", "second, live")).isZero();
        String second = lines.poll(60, TimeUnit.SECONDS);
        assertThat(second).as("stderr: %s", stderr()).isNotNull().endsWith("\tsecond, live");
        assertThat(listener.isAlive()).as("listen keeps running").isTrue();

        listener.destroy();
        assertThat(listener.waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
        reader.join(5_000);
        assertThat(listener.exitValue()).isEqualTo(SIGTERM_EXIT);
        assertThat(lines).as("nothing else was printed").isEmpty();
        assertThat(stderr()).doesNotContain("Exception").doesNotContain("ERROR");

        StringWriter out = new StringWriter();
        int code = ParleyCli.commandLine(environment("bob"), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                CHEAP_ARGON2).execute("history", "alice");
        assertThat(code).as("the profile was closed and unlocked again").isZero();
        assertThat(out.toString().lines().toList()).hasSize(2);
    }

    private String stderr() throws java.io.IOException {
        Path err = dir.resolve("listen.err");
        return Files.exists(err) ? Files.readString(err) : "";
    }

    private Map<String, String> environment(String profile) {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_DATA_DIR", dir.resolve("data").toAbsolutePath().toString());
        env.put("PARLEY_PROFILE", profile);
        env.put("PARLEY_PASSPHRASE", "passphrase of " + profile);
        return env;
    }

    private int cli(String profile, String... args) {
        return ParleyCli.commandLine(environment(profile), new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true), CHEAP_ARGON2).execute(args);
    }
}
