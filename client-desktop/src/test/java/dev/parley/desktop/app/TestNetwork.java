package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.desktop.net.ExponentialBackoff;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.net.TyrusRelayConnector;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.connection.ConnectionSettings;
import dev.parley.desktop.service.device.DeviceJoin;
import dev.parley.desktop.service.device.DeviceLinker;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real relay in-process (H2 files under the test directory) and real profiles with cheap Argon2. Register it with
 * {@code @RegisterExtension final TestNetwork network = new TestNetwork();}: each test gets a fresh directory
 * ({@link #root}) and relay, and everything is closed and deleted after it.
 */
final class TestNetwork implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
    static {
        // The relay shares this JVM: give H2 the client's hardened setting before the relay loads it first.
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
    }

    static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    static final CryptoProvider CRYPTO = CryptoProviders.preferred();

    /** This test's directory: the relay's data and the profiles live under it. */
    Path root;
    RelayServer relay;
    private int port;
    private final List<ParleyApp> apps = new ArrayList<>();
    private final java.util.function.UnaryOperator<RelayConfig> relayTuning;

    TestNetwork() {
        this(java.util.function.UnaryOperator.identity());
    }

    /** A network whose relay has some settings of its own (limits, quotas) over {@link #relayConfig}. */
    TestNetwork(java.util.function.UnaryOperator<RelayConfig> relayTuning) {
        this.relayTuning = relayTuning;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        root = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "parley-network-");
        startRelay();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    static RelayConfig relayConfig(Path dataDir, int port) {
        RateLimits limits = RateLimits.defaults();
        for (RateLimit limit : RateLimit.values()) {
            limits = limits.with(limit, BucketSpec.UNLIMITED);
        }
        return RelayConfig.defaults().withPort(port).withDataDir(dataDir).withLimits(limits);
    }

    void startRelay() throws IOException {
        startRelay("relay");
    }

    /** Starts a relay on the same port as before (a fresh one when {@code dataDir} is new). */
    void startRelay(String dataDir) throws IOException {
        relay = RelayServer.start(relayTuning.apply(relayConfig(root.resolve(dataDir), port)));
        port = relay.port();
    }

    /** Restarts the relay on its data directory and port with {@code change} applied to its configuration. */
    void restartRelay(java.util.function.UnaryOperator<RelayConfig> change) throws IOException {
        relay.close();
        relay = RelayServer.start(change.apply(relayTuning.apply(relayConfig(root.resolve("relay"), port))));
    }

    /**
     * Starts a relay on a fresh data directory that keeps this relay's id and signing key (an operator who reset the
     * accounts but not the relay's identity): pinned profiles still log in, and usernames can be registered anew.
     */
    void startRelayKeepingIdentity(String dataDir) throws IOException {
        Path target = Files.createDirectories(root.resolve(dataDir));
        for (String file : List.of("relay-id", dev.parley.relay.core.RelayIdentity.SIGNING_KEY_FILE)) {
            Files.copy(root.resolve("relay").resolve(file), target.resolve(file));
        }
        startRelay(dataDir);
    }

    RelayAddress address() {
        return new RelayAddress(relay.uri(), java.util.Optional.empty());
    }

    Duration onlineWait = Duration.ofSeconds(20);
    /** The clock of the profiles opened from now on (a test may give each its own). */
    Clock clock = Clock.systemUTC();

    AppConfig config(String name) {
        return config(name, "data-" + name);
    }

    /** Changes the connection settings of the profiles opened from now on (presence pacing). */
    java.util.function.UnaryOperator<ConnectionSettings> connectionTuning = java.util.function.UnaryOperator.identity();

    AppConfig config(String name, String dataDir) {
        return new AppConfig(new AppDirectories(root.resolve(dataDir).toAbsolutePath()), new ProfileName(name), CRYPTO,
                CRYPTO.random(), clock, new Argon2Params(1024, 1, 1), TyrusRelayConnector.standard(),
                new ExponentialBackoff(Duration.ofMillis(100), Duration.ofMillis(800), CRYPTO.random()),
                connectionTuning.apply(new ConnectionSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), onlineWait, 5)), 20,
                java.util.function.UnaryOperator.identity());
    }

    /**
     * A profile's configuration with timeouts of its own (fault-injection tests): {@code connector}'s handshake and
     * request timeouts, {@code settings}' heartbeat; everything else as {@link #config(String)}.
     */
    AppConfig config(String name, TyrusRelayConnector connector, ConnectionSettings settings) {
        return new AppConfig(new AppDirectories(root.resolve("data-" + name).toAbsolutePath()), new ProfileName(name),
                CRYPTO, CRYPTO.random(), clock, new Argon2Params(1024, 1, 1), connector,
                new ExponentialBackoff(Duration.ofMillis(100), Duration.ofMillis(800), CRYPTO.random()), settings, 20,
                java.util.function.UnaryOperator.identity());
    }

    /** A new profile, created and registered with the relay. */
    ParleyApp register(String name) throws Exception {
        ParleyApp app = open(name);
        app.account().create(name, address(), PASSPHRASE.clone());
        app.account().register(java.util.Optional.empty());
        return app;
    }

    /** The existing profile, unlocked. */
    ParleyApp unlock(String name) throws Exception {
        ParleyApp app = open(name);
        app.account().unlock(PASSPHRASE.clone());
        return app;
    }

    ParleyApp open(String name) {
        return open(name, java.util.function.UnaryOperator.identity());
    }

    /** The existing profile, unlocked, with its incoming-frame handler wrapped (fault injection). */
    ParleyApp unlock(String name, java.util.function.UnaryOperator<dev.parley.desktop.service.connection.InboundHandler> inbound)
            throws Exception {
        ParleyApp app = open(name, inbound);
        app.account().unlock(PASSPHRASE.clone());
        return app;
    }

    ParleyApp open(String name, java.util.function.UnaryOperator<dev.parley.desktop.service.connection.InboundHandler> inbound) {
        return track(ParleyApp.open(config(name).withInbound(inbound)));
    }

    ParleyApp track(ParleyApp app) {
        apps.add(app);
        return app;
    }

    /**
     * Links a new profile {@code profile} to {@code existing}'s account, as the user on both sides would (issue #17):
     * the new device joins with the short code, the existing one sees its name, waits {@code readingTheName} (the
     * user reading it, not a condition to wait for) and confirms; the new device then connects and starts its
     * sessions with the account's other devices.
     */
    ParleyApp linkDevice(ParleyApp existing, String profile, String deviceName, Duration readingTheName)
            throws Exception {
        Duration wait = Duration.ofSeconds(30);
        DeviceLinker linker = existing.devices().linker();
        DeviceLinker.Session session = linker.start();
        ParleyApp joining = open(profile);
        CompletableFuture<DeviceJoin.Joined> joined = CompletableFuture.supplyAsync(() -> {
            try {
                return joining.joinAccount(address(), session.code().shortCode(), deviceName, PASSPHRASE.clone(),
                        wait);
            } catch (ServiceException e) {
                throw new CompletionException(e);
            }
        });
        assertThat(linker.awaitDevice(session, wait)).isEqualTo(deviceName);
        Thread.sleep(readingTheName.toMillis());
        int deviceId = linker.confirm(session, wait);
        assertThat(joined.get(wait.toSeconds(), TimeUnit.SECONDS).deviceId()).isEqualTo(deviceId);
        joining.connection().start();
        joining.devices().startOwnSessions();
        return joining;
    }

    /** The relay's count of frames it rejected with {@code reason} (from its metrics). */
    long relayRejects(String reason) {
        return relayCounter("parley_relay_rejects_total{reason=\"" + reason + "\"}");
    }

    /** One of the relay's counters (from its metrics), by name with labels; 0 when absent. */
    long relayCounter(String name) {
        String prefix = name + " ";
        for (String line : relay.metrics().render().split("\n")) {
            if (line.startsWith(prefix)) {
                return (long) Double.parseDouble(line.substring(prefix.length()).trim());
            }
        }
        return 0;
    }

    /** Blobs the relay still holds for anyone (from its metrics). */
    long relayQueued() {
        for (String line : relay.metrics().render().split("\n")) {
            if (line.startsWith("parley_relay_stored_blobs ")) {
                return (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
            }
        }
        throw new IllegalStateException("relay metrics lack parley_relay_stored_blobs");
    }

    /** Kills the relay like a crash (no clean shutdown), keeping its data directory. */
    void haltRelay() {
        relay.halt();
    }

    @Override
    public void close() {
        for (ParleyApp app : apps) {
            app.close();
        }
        apps.clear();
        if (relay != null) {
            relay.close();
        }
    }
}
