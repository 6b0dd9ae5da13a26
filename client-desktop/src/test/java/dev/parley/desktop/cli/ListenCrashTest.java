package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.desktop.app.AppConfig;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileName;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, item 16: {@code listen} prints every incoming message even when a {@code listen} process is killed with
 * SIGKILL in the middle of a pickup; and item 13: a second process on an open profile gets exit code 6.
 */
class ListenCrashTest {
    private static final UnaryOperator<AppConfig> CHEAP_ARGON2 = config -> config.withArgon2(new Argon2Params(1024, 1, 1));
    private static final int MESSAGES = 240;

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
    void everyMessageIsPrintedAfterAListenIsKilledDuringAPickup() throws Exception {
        aliceAndBob();
        List<String> sent = aliceSendsWhileBobIsOffline(MESSAGES);

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        listener = startListen("bob", lines);
        String first = lines.poll(60, TimeUnit.SECONDS);
        assertThat(first).as("the listen process printed its first message").isNotNull();
        Run busy = cli("bob", "contacts");
        assertThat(busy.code()).as("a second process on the open profile: " + busy.err()).isEqualTo(6);
        assertThat(busy.err()).contains("open in another window or process");
        listener.destroyForcibly();
        assertThat(listener.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> killed = new ArrayList<>();
        killed.add(first);
        lines.drainTo(killed);
        killed.removeIf(line -> line.startsWith("READ FAILED"));

        Run after = cli("bob", "listen", "--once");
        assertThat(after.code()).as(after.err()).isZero();
        List<String> again = after.out().lines().toList();

        List<String> killedBodies = bodies(killed);
        List<String> againBodies = bodies(again);
        assertThat(new HashSet<>(againBodies)).as("the second listen prints nothing twice").hasSize(againBodies.size());
        Set<String> everything = new HashSet<>(killedBodies);
        everything.addAll(againBodies);
        assertThat(everything).as("no message is lost").containsExactlyInAnyOrderElementsOf(sent);
        List<String> repeated = againBodies.stream().filter(killedBodies::contains).toList();
        assertThat(repeated.size()).as("only the last batch, flushed but not yet recorded, may repeat")
                .isLessThanOrEqualTo(ListenCommand.BATCH);
        assertThat(killedBodies.subList(killedBodies.size() - repeated.size(), killedBodies.size()))
                .as("repeats are the killed process's last lines").isEqualTo(repeated);
        assertThat(cli("bob", "listen", "--once").out()).as("a third listen has nothing left").isEmpty();
    }

    @Test
    void messagesPickedUpByAnotherCommandArePrintedByTheNextListen() throws Exception {
        aliceAndBob();
        assertThat(cli("bob", "add-contact", "alice").code()).isZero();
        List<String> sent = aliceSendsWhileBobIsOffline(3);
        Run send = cli("bob", "send", "alice", "bob's own message");
        assertThat(send.code()).as(send.err()).isZero();
        assertThat(cli("bob", "history", "alice").out()).as("send picked them up").contains(sent.get(2));

        Run listen = cli("bob", "listen", "--once");
        assertThat(bodies(listen.out().lines().toList())).containsExactlyElementsOf(sent);
        assertThat(cli("bob", "listen", "--once").out()).isEmpty();
    }

    private static List<String> bodies(List<String> lines) {
        return lines.stream().map(line -> {
            assertThat(line).startsWith("alice\tINCOMING\t");
            return line.substring(line.lastIndexOf('\t') + 1);
        }).toList();
    }

    private void aliceAndBob() {
        String url = relay.uri().toString();
        assertThat(cli("alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(cli("bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(cli("alice", "register").code()).isZero();
        assertThat(cli("bob", "register").code()).isZero();
        assertThat(cli("alice", "add-contact", "bob").code()).isZero();
    }

    private List<String> aliceSendsWhileBobIsOffline(int count) throws Exception {
        AppConfig config = CHEAP_ARGON2.apply(AppConfig.defaults(new AppDirectories(dir.resolve("data").toAbsolutePath()),
                new ProfileName("alice")));
        List<String> bodies = new ArrayList<>();
        try (ParleyApp alice = ParleyApp.open(config)) {
            alice.account().unlock("passphrase of alice".toCharArray());
            for (int i = 0; i < count; i++) {
                String body = "message " + i;
                alice.messaging().send("bob", body);
                bodies.add(body);
            }
            alice.connection().start();
            assertThat(alice.connection().awaitDrained(Duration.ofSeconds(120))).as("alice's outbox reached the relay").isTrue();
        }
        return bodies;
    }

    private Process startListen(String profile, BlockingQueue<String> lines) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ParleyCli.class.getName(), "listen")
                .redirectError(dir.resolve("listen.err").toFile());
        builder.environment().putAll(environment(profile));
        Process process = builder.start();
        process.getOutputStream().close();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("READ FAILED: " + e.getMessage());
            }
        }, "listen-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    record Run(int code, String out, String err) {
    }

    private Map<String, String> environment(String profile) {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_DATA_DIR", dir.resolve("data").toAbsolutePath().toString());
        env.put("PARLEY_PROFILE", profile);
        env.put("PARLEY_PASSPHRASE", "passphrase of " + profile);
        return env;
    }

    private Run cli(String profile, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCli.commandLine(environment(profile), new PrintWriter(out, true), new PrintWriter(err, true),
                CHEAP_ARGON2).execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
