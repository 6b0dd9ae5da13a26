package dev.parley.bench.soak;

import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.desktop.app.AppConfig;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessagePage;
import dev.parley.desktop.storage.MessageState;
import dev.parley.relay.cli.RelayCommand;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Soak run with real failures: a real relay in a child process, killed with SIGKILL at random moments and restarted
 * on the same port and data directory, while several real desktop profiles (encrypted H2 files, the real services
 * and reconnecting relay client, in this JVM) send each other messages at a steady rate. At the end every profile
 * must hold every message sent to it exactly once, every sent message must have reached DELIVERED (or READ), and the
 * relay's queues must be empty. Exits 1 on any loss, duplicate or stuck message.
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.soak.SoakRun --minutes=10 --profiles=4 --rate=20 --kill-every=15</pre>
 *
 * {@code --rate} is messages per second over all profiles, {@code --kill-every} the mean seconds between kills.
 */
public final class SoakRun {
    private final double minutes;
    private final int profiles;
    private final double rate;
    private final double killEvery;
    private final Random random = new Random(20261122);
    private final Path root;
    private final int port;
    private final int metricsPort;
    private final List<String> names = new ArrayList<>();
    private final List<ParleyApp> apps = new ArrayList<>();
    /** recipient -> sender -> texts sent. */
    private final Map<String, Map<String, List<String>>> expected = new ConcurrentHashMap<>();
    private final AtomicInteger kills = new AtomicInteger();
    private final AtomicInteger sendFailures = new AtomicInteger();
    private Process relay;

    private SoakRun(Map<String, String> options) throws IOException {
        this.minutes = Double.parseDouble(options.getOrDefault("minutes", "10"));
        this.profiles = Integer.parseInt(options.getOrDefault("profiles", "4"));
        this.rate = Double.parseDouble(options.getOrDefault("rate", "20"));
        this.killEvery = Double.parseDouble(options.getOrDefault("kill-every", "15"));
        this.root = Files.createTempDirectory("parley-soak");
        try (ServerSocket socket = new ServerSocket(0); ServerSocket metrics = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
            this.metricsPort = metrics.getLocalPort();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value: " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
        quiet();
        int status = new SoakRun(options).run();
        System.exit(status);
    }

    private int run() throws Exception {
        out("soak: %.1f min, %d profiles, %.1f msg/s, a relay kill every ~%.0f s; data in %s", minutes, profiles, rate,
                killEvery, root);
        startRelay();
        RelayAddress address = new RelayAddress(URI.create("ws://127.0.0.1:" + port + "/parley"), Optional.empty());
        for (int i = 0; i < profiles; i++) {
            String name = "soak" + i;
            names.add(name);
            AppConfig config = AppConfig.defaults(new AppDirectories(root.resolve("profiles")), new ProfileName(name))
                    .withArgon2(new Argon2Params(8 * 1024, 1, 1))
                    .withReconnect(attempt -> Duration.ofMillis(Math.min(2_000, 100L << Math.min(attempt, 5))));
            ParleyApp app = ParleyApp.open(config);
            app.account().create(name, address, "soak passphrase".toCharArray());
            app.account().register(Optional.empty());
            apps.add(app);
        }
        for (int i = 0; i < profiles; i++) {
            apps.get(i).connection().start();
            for (int j = 0; j < profiles; j++) {
                if (i != j) {
                    apps.get(i).contacts().add(names.get(j));
                }
            }
        }
        long end = System.nanoTime() + (long) (minutes * 60e9);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread killer = new Thread(() -> killLoop(running), "soak-killer");
        killer.start();
        int sent = sendLoop(end);
        running.set(false);
        killer.join();
        if (relay == null || !relay.isAlive()) {
            startRelay();
        }
        out("sending done: %d messages, %d relay kills, %d sends refused (retried later); settling...", sent, kills.get(),
                sendFailures.get());
        long settleStart = System.nanoTime();
        boolean settled = settle(Duration.ofMinutes(5));
        out("settled=%s after %.1f s", settled, (System.nanoTime() - settleStart) / 1e9);
        int problems = verify();
        Map<String, Long> metrics = relayMetrics();
        out("relay at the end: %s", metrics);
        if (metrics.getOrDefault("stored_blobs", -1L) != 0) {
            problems++;
            out("  the relay still holds blobs");
        }
        for (ParleyApp app : apps) {
            app.close();
        }
        relay.destroy();
        relay.waitFor();
        out(problems == 0 ? "PASS: every message exactly once, every sent message delivered"
                : "FAIL: " + problems + " problems (see above)");
        return problems == 0 ? 0 : 1;
    }

    private int sendLoop(long end) throws InterruptedException {
        long intervalNanos = (long) (1e9 / rate);
        long next = System.nanoTime();
        int seq = 0;
        while (System.nanoTime() < end) {
            int from = random.nextInt(profiles);
            int to = (from + 1 + random.nextInt(profiles - 1)) % profiles;
            String text = "soak " + seq + " " + names.get(from) + ">" + names.get(to);
            try {
                apps.get(from).messaging().send(names.get(to), text);
                expected.computeIfAbsent(names.get(to), k -> new ConcurrentHashMap<>())
                        .computeIfAbsent(names.get(from), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                        .add(text);
                seq++;
            } catch (ServiceException e) {
                // Nothing was stored: the send was refused outright (not merely queued in the outbox).
                sendFailures.incrementAndGet();
            }
            if (seq % 1000 == 0 && seq > 0) {
                out("  %d sent, %d kills", seq, kills.get());
            }
            next += intervalNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        return seq;
    }

    private void killLoop(AtomicBoolean running) {
        try {
            while (running.get()) {
                sleepWhile(running, (long) (-Math.log(1 - random.nextDouble()) * killEvery * 1000));
                if (!running.get()) {
                    return;
                }
                relay.destroyForcibly().waitFor();
                kills.incrementAndGet();
                Thread.sleep(300 + random.nextInt(2_700));
                startRelay();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new IllegalStateException("could not restart the relay", e);
        }
    }

    private static void sleepWhile(AtomicBoolean running, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (running.get() && System.currentTimeMillis() < end) {
            Thread.sleep(Math.min(100, Math.max(1, end - System.currentTimeMillis())));
        }
    }

    private boolean settle(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (ParleyApp app : apps) {
                all &= app.connection().awaitDrained(Duration.ofSeconds(5));
            }
            if (all && undelivered() == 0) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private int undelivered() throws ServiceException {
        int count = 0;
        for (int i = 0; i < profiles; i++) {
            for (int j = 0; j < profiles; j++) {
                if (i != j) {
                    for (Message m : conversation(apps.get(i), names.get(j))) {
                        if (m.direction() == Direction.OUTGOING && m.state().compareTo(MessageState.DELIVERED) < 0) {
                            count++;
                        }
                    }
                }
            }
        }
        return count;
    }

    private int verify() throws ServiceException {
        int problems = 0;
        Map<MessageState, Integer> outgoing = new EnumMap<>(MessageState.class);
        int received = 0;
        for (int r = 0; r < profiles; r++) {
            String recipient = names.get(r);
            for (int s = 0; s < profiles; s++) {
                if (r == s) {
                    continue;
                }
                String sender = names.get(s);
                Map<String, Integer> seen = new HashMap<>();
                for (Message m : conversation(apps.get(r), sender)) {
                    if (m.direction() == Direction.INCOMING) {
                        seen.merge(m.body(), 1, Integer::sum);
                        received++;
                    } else {
                        outgoing.merge(m.state(), 1, Integer::sum);
                    }
                }
                List<String> sent = expected.getOrDefault(recipient, Map.of()).getOrDefault(sender, List.of());
                for (String text : sent) {
                    int n = seen.getOrDefault(text, 0);
                    if (n != 1) {
                        problems++;
                        out("  %s has \"%s\" %d times", recipient, text, n);
                    }
                }
                for (Map.Entry<String, Integer> e : seen.entrySet()) {
                    if (!sent.contains(e.getKey())) {
                        problems++;
                        out("  %s has an unexpected message from %s", recipient, sender);
                    }
                }
            }
        }
        int stuck = outgoing.entrySet().stream().filter(e -> e.getKey().compareTo(MessageState.DELIVERED) < 0)
                .mapToInt(Map.Entry::getValue).sum();
        problems += stuck;
        out("received %d incoming messages; outgoing by state %s", received, outgoing);
        return problems;
    }

    /** The whole conversation with {@code contact}, newest first. */
    private static List<Message> conversation(ParleyApp app, String contact) throws ServiceException {
        List<Message> all = new ArrayList<>();
        Optional<MessageCursor> before = Optional.empty();
        while (true) {
            MessagePage page = app.messaging().history(contact, before, 500);
            all.addAll(page.messages());
            if (page.nextBefore().isEmpty() || page.messages().isEmpty()) {
                return all;
            }
            before = page.nextBefore();
        }
    }

    private void startRelay() throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), RelayCommand.class.getName(),
                "--port", Integer.toString(port), "--data-dir", root.resolve("relay").toString(),
                "--metrics-port", Integer.toString(metricsPort));
        relay = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("relay.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        IOException notYet = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                notYet = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting the relay", e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting the relay", e);
            }
        }
        throw new IOException("the relay did not start; see " + root.resolve("relay.log"), notYet);
    }

    private Map<String, Long> relayMetrics() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Long> values = new java.util.TreeMap<>();
        for (String line : response.body().split("\n")) {
            for (String name : List.of("stored_blobs", "connections", "messages_stored_total", "messages_direct_total")) {
                if (line.startsWith("parley_relay_" + name + " ")) {
                    values.put(name, Long.parseLong(line.substring(line.indexOf(' ') + 1).trim()));
                }
            }
        }
        return values;
    }

    private static void out(String format, Object... args) {
        System.out.printf(java.util.Locale.ROOT, format + "%n", args);
    }

    private static void quiet() {
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        java.util.logging.Logger.getLogger("org.glassfish").setLevel(java.util.logging.Level.WARNING);
    }
}
