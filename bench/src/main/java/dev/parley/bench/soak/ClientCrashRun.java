package dev.parley.bench.soak;

import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.desktop.app.AppConfig;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.cli.ParleyCli;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessagePage;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The recipient's process is killed while it picks up: a relay (in this JVM) holds {@code --messages} messages from
 * Alice for Bob; Bob's real command-line client ({@code parley-cli listen --once}, a child process) starts picking
 * them up and is killed with SIGKILL after a random number of them has been printed (so at random points between
 * "committed to the encrypted history" and "acknowledged to the relay"), {@code --kills} times; then one last run
 * finishes. Bob's history must hold every message exactly once and the relay must hold none. Exit code 1 otherwise.
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.soak.ClientCrashRun --messages=3000 --kills=8</pre>
 */
public final class ClientCrashRun {
    private static final String PASSPHRASE = "crash run passphrase";

    private ClientCrashRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int messages = Integer.parseInt(options.getOrDefault("messages", "3000"));
        int kills = Integer.parseInt(options.getOrDefault("kills", "8"));
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
        quiet();
        System.exit(run(messages, kills) ? 0 : 1);
    }

    private static boolean run(int messages, int kills) throws Exception {
        Path root = Files.createTempDirectory("parley-client-crash");
        Path profiles = root.resolve("profiles");
        Random random = new Random(20261122);
        RateLimits limits = RateLimits.defaults();
        for (RateLimit limit : RateLimit.values()) {
            limits = limits.with(limit, BucketSpec.UNLIMITED);
        }
        try (RelayServer relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(root.resolve("relay"))
                .withLimits(limits).withQueueQuota(Math.max(10_000, messages)))) {
            RelayAddress address = new RelayAddress(relay.uri(), Optional.empty());
            try (ParleyApp bob = open(profiles, "bob")) {
                bob.account().create("bob", address, PASSPHRASE.toCharArray());
                bob.account().register(Optional.empty());
            }
            try (ParleyApp alice = open(profiles, "alice")) {
                alice.account().create("alice", address, PASSPHRASE.toCharArray());
                alice.account().register(Optional.empty());
                alice.connection().start();
                alice.contacts().add("bob");
                for (int i = 0; i < messages; i++) {
                    alice.messaging().send("bob", "crash " + i);
                }
                if (!alice.connection().awaitDrained(Duration.ofMinutes(5))) {
                    throw new IllegalStateException("alice's outbox did not drain");
                }
            }
            System.out.printf("%d messages queued for bob on the relay (%d stored)%n", messages,
                    storedBlobs(relay));
            int printedBeforeKills = 0;
            for (int k = 1; k <= kills; k++) {
                int killAfter = 1 + random.nextInt(Math.max(1, 2 * messages / (kills + 1)));
                int printed = listen(profiles, killAfter);
                printedBeforeKills += printed;
                System.out.printf("kill %d: SIGKILL after %d messages printed; the relay holds %d blobs (bob's queue, receipts for alice)%n", k, printed,
                        storedBlobs(relay));
            }
            int last = listen(profiles, Integer.MAX_VALUE);
            System.out.printf("last run printed %d messages and exited; the relay holds %d blobs%n", last,
                    storedBlobs(relay));
            boolean ok = verify(profiles, messages);
            // What bob sent meanwhile (delivery receipts) waits for alice: she comes back and picks it up.
            try (ParleyApp alice = ParleyApp.open(config(profiles, "alice"))) {
                alice.account().unlock(PASSPHRASE.toCharArray());
                alice.connection().start();
                if (!alice.connection().awaitDrained(Duration.ofMinutes(2))) {
                    System.out.println("FAIL: alice could not pick up bob's receipts");
                    ok = false;
                }
                ok &= allDelivered(alice, messages);
            }
            long left = storedBlobs(relay);
            if (left != 0) {
                System.out.printf("FAIL: the relay still holds %d blobs%n", left);
                ok = false;
            }
            System.out.printf("%s (%d printed before the kills, %d after)%n", ok ? "PASS: every message exactly once"
                    : "FAIL", printedBeforeKills, last);
            return ok;
        }
    }

    /** Runs {@code parley-cli listen --once} for bob; kills it after {@code killAfter} printed messages. */
    private static int listen(Path profiles, int killAfter) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ParleyCli.class.getName(),
                "--data-dir", profiles.toString(), "--profile", "bob", "listen", "--once", "--timeout", "300");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PARLEY_PASSPHRASE", PASSPHRASE);
        Process process = builder.start();
        int printed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains("\tINCOMING\t")) {
                    printed++;
                    if (printed >= killAfter) {
                        process.destroyForcibly();
                        break;
                    }
                }
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("listen did not finish");
        }
        if (killAfter == Integer.MAX_VALUE && process.exitValue() != 0) {
            throw new IllegalStateException("the last listen exited with " + process.exitValue());
        }
        return printed;
    }

    private static boolean verify(Path profiles, int messages) throws ServiceException {
        try (ParleyApp bob = ParleyApp.open(config(profiles, "bob"))) {
            bob.account().unlock(PASSPHRASE.toCharArray());
            Map<String, Integer> seen = new HashMap<>();
            Optional<MessageCursor> before = Optional.empty();
            while (true) {
                MessagePage page = bob.messaging().history("alice", before, 500);
                for (Message m : page.messages()) {
                    if (m.direction() == Direction.INCOMING) {
                        seen.merge(m.body(), 1, Integer::sum);
                    }
                }
                if (page.nextBefore().isEmpty() || page.messages().isEmpty()) {
                    break;
                }
                before = page.nextBefore();
            }
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                int n = seen.getOrDefault("crash " + i, 0);
                if (n != 1) {
                    wrong.add("crash " + i + " x" + n);
                }
            }
            System.out.printf("bob's history: %d distinct messages, %d wrong%s%n", seen.size(), wrong.size(),
                    wrong.isEmpty() ? "" : " " + wrong.subList(0, Math.min(20, wrong.size())));
            return wrong.isEmpty() && seen.size() == messages;
        }
    }

    /** Blobs the relay still holds, from its Prometheus text. */
    private static long storedBlobs(RelayServer relay) {
        for (String line : relay.metrics().render().split("\n")) {
            if (line.startsWith("parley_relay_stored_blobs ")) {
                return Long.parseLong(line.substring(line.indexOf(' ') + 1).trim());
            }
        }
        throw new IllegalStateException("the relay reports no stored_blobs gauge");
    }

    /** Every message alice sent reached DELIVERED (bob's receipts survived his crashes too). */
    private static boolean allDelivered(ParleyApp alice, int messages) throws ServiceException {
        Map<dev.parley.desktop.storage.MessageState, Integer> states = new java.util.EnumMap<>(
                dev.parley.desktop.storage.MessageState.class);
        Optional<MessageCursor> before = Optional.empty();
        while (true) {
            MessagePage page = alice.messaging().history("bob", before, 500);
            for (Message m : page.messages()) {
                if (m.direction() == Direction.OUTGOING) {
                    states.merge(m.state(), 1, Integer::sum);
                }
            }
            if (page.nextBefore().isEmpty() || page.messages().isEmpty()) {
                break;
            }
            before = page.nextBefore();
        }
        System.out.printf("alice's %d messages by state: %s%n", messages, states);
        return states.getOrDefault(dev.parley.desktop.storage.MessageState.DELIVERED, 0) == messages;
    }

    private static ParleyApp open(Path profiles, String name) {
        return ParleyApp.open(config(profiles, name));
    }

    private static AppConfig config(Path profiles, String name) {
        return AppConfig.defaults(new AppDirectories(profiles), new ProfileName(name))
                .withArgon2(new Argon2Params(8 * 1024, 1, 1));
    }

    private static void quiet() {
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        java.util.logging.Logger.getLogger("org.glassfish").setLevel(java.util.logging.Level.WARNING);
    }
}
