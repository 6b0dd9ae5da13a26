package dev.parley.desktop.cli;

import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.desktop.app.AppConfig;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For CLI tests: a real relay on loopback (rate limits off, so the tests measure commands, not limits) and in-process
 * CLI runs against it, one profile per user in one data directory, each with its own passphrase and a cheap Argon2id.
 * Register it with {@code @RegisterExtension final CliRelay net = new CliRelay();}.
 */
final class CliRelay implements BeforeEachCallback, AfterEachCallback {
    private static final UnaryOperator<AppConfig> CHEAP_ARGON2 = config -> config.withArgon2(new Argon2Params(1024, 1, 1));

    /** One CLI run: exit code and what it printed. */
    record Run(int code, String out, String err) {
    }

    private Path dir;
    private RelayServer relay;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
        dir = Files.createTempDirectory("parley-cli-test");
        RateLimits limits = RateLimits.defaults();
        for (RateLimit limit : RateLimit.values()) {
            limits = limits.with(limit, BucketSpec.UNLIMITED);
        }
        relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dir.resolve("relay")).withLimits(limits));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        relay.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(CliRelay::delete);
        }
    }

    /** The relay's WebSocket address, for {@code init --relay}. */
    String url() {
        return relay.uri().toString();
    }

    /** A directory for the test's own files. */
    Path dir() {
        return dir;
    }

    /** Runs the CLI as {@code profile} (PARLEY_PROFILE, PARLEY_PASSPHRASE and PARLEY_DATA_DIR set). */
    Run cli(String profile, String... args) {
        return cli(Map.of(), profile, args);
    }

    /** Runs the CLI as {@code profile} with extra environment variables. */
    Run cli(Map<String, String> extraEnv, String profile, String... args) {
        return cli(extraEnv, new StringWriter(), profile, args);
    }

    /** As {@link #cli(String, String...)}, writing standard output to {@code out} as it runs (read it meanwhile). */
    Run cliStreaming(StringWriter out, String profile, String... args) {
        return cli(Map.of(), out, profile, args);
    }

    private Run cli(Map<String, String> extraEnv, StringWriter out, String profile, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.putAll(env(profile));
        return run(env, out, args);
    }

    /** The environment of a run as {@code profile}: PARLEY_DATA_DIR, PARLEY_PROFILE and its PARLEY_PASSPHRASE. */
    Map<String, String> env(String profile) {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_DATA_DIR", dataDir().toString());
        env.put("PARLEY_PROFILE", profile);
        env.put("PARLEY_PASSPHRASE", "passphrase of " + profile);
        return env;
    }

    /** Runs the CLI with exactly {@code env} (a test that leaves out or changes what {@link #env} sets). */
    Run run(Map<String, String> env, String... args) {
        return run(env, new StringWriter(), args);
    }

    private static Run run(Map<String, String> env, StringWriter out, String... args) {
        StringWriter err = new StringWriter();
        int code = ParleyCli.commandLine(env, new PrintWriter(out, true), new PrintWriter(err, true), CHEAP_ARGON2)
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The CLI's data directory (PARLEY_DATA_DIR of every run). */
    Path dataDir() {
        return dir.resolve("data").toAbsolutePath();
    }

    /** Stops the relay (gone offline); it stays stopped for the rest of the test. */
    void stopRelay() {
        relay.close();
    }

    /** Creates and registers a profile for each user on this relay. */
    void register(String... users) {
        for (String user : users) {
            ok(cli(user, "init", user, "--relay", url()));
            ok(cli(user, "register"));
        }
    }

    /** Registers both users and makes each the other's contact. */
    void contacts(String a, String b) {
        register(a, b);
        ok(cli(a, "add-contact", b));
        ok(cli(b, "add-contact", a));
    }

    /** Fails with the run's standard error unless it exited 0; returns it. */
    static Run ok(Run run) {
        if (run.code() != 0) {
            throw new AssertionError("exit " + run.code() + ": " + run.err());
        }
        return run;
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
