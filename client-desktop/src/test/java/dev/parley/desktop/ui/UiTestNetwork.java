package dev.parley.desktop.ui;

import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.desktop.app.AppConfig;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.net.ExponentialBackoff;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.net.TyrusRelayConnector;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.service.connection.ConnectionSettings;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * For UI tests: a real relay in-process (H2 under the test directory), the desktop's {@link ProfileSessions} over
 * real encrypted profiles with cheap Argon2, and "other clients" built from the same composition root the CLI uses.
 */
public final class UiTestNetwork implements AutoCloseable {
    static {
        // The relay shares this JVM: give H2 the client's hardened setting before the relay loads it first.
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
    }

    static final String PASSPHRASE = "correct horse battery staple";
    private static final CryptoProvider CRYPTO = CryptoProviders.preferred();

    final Path root;
    RelayServer relay;
    private final RelayConfig relayConfig;
    private final List<ParleyApp> others = new ArrayList<>();

    public UiTestNetwork(Path root) throws IOException {
        this(root, c -> c);
    }

    /**
     * With the relay's defaults (every rate limit off) changed by {@code relayOptions} (for example small attachment
     * limits, or one rate limit back on).
     */
    UiTestNetwork(Path root, java.util.function.UnaryOperator<RelayConfig> relayOptions) throws IOException {
        this.root = root;
        RateLimits limits = RateLimits.defaults();
        for (RateLimit limit : RateLimit.values()) {
            limits = limits.with(limit, BucketSpec.UNLIMITED);
        }
        relay = RelayServer.start(relayOptions.apply(RelayConfig.defaults().withLimits(limits)).withPort(0)
                .withDataDir(root.resolve("relay")));
        relayConfig = relayOptions.apply(RelayConfig.defaults().withLimits(limits)).withPort(relay.port())
                .withDataDir(root.resolve("relay"));
    }

    /**
     * Stops the relay, removes {@code username}'s account from its database (as if it had been deleted on the
     * relay), and starts it again on the same port and data.
     */
    void forgetAccountOnRelay(String username) throws Exception {
        relay.close();
        byte[] key;
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update("parley/v1/relay-username".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update((byte) 0);
        byte[] unkeyed = sha.digest(username.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // the relay files usernames under HMAC-SHA256 with the secret in its data directory (relay UsernameKey)
        byte[] secret = java.util.HexFormat.of().parseHex(java.nio.file.Files.readString(
                root.resolve("relay").resolve("username-key"), java.nio.charset.StandardCharsets.US_ASCII).strip());
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
        key = mac.doFinal(unkeyed);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + root.resolve("relay").resolve("relay").toAbsolutePath(), "relay", "");
             java.sql.PreparedStatement delete = c.prepareStatement("DELETE FROM accounts WHERE username_key = ?")) {
            delete.setBytes(1, key);
            if (delete.executeUpdate() != 1) {
                throw new IllegalStateException("the relay had no such account");
            }
        }
        relay = RelayServer.start(relayConfig);
    }

    String relayUri() {
        return relay.uri().toString();
    }

    static AppConfig config(AppDirectories dirs, ProfileName name) {
        return config(dirs, name, Clock.systemUTC());
    }

    static AppConfig config(AppDirectories dirs, ProfileName name, Clock clock) {
        AppConfig d = AppConfig.defaults(dirs, name);
        return new AppConfig(dirs, name, CRYPTO, CRYPTO.random(), clock, new Argon2Params(1024, 1, 1),
                TyrusRelayConnector.standard(),
                new ExponentialBackoff(Duration.ofMillis(100), Duration.ofMillis(800), CRYPTO.random()),
                new ConnectionSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(20), 5), 20,
                d.inbound());
    }

    /** The desktop app's gateway over profiles in {@code <root>/desktop}. */
    public ProfileSessions desktopSessions() {
        AppDirectories dirs = new AppDirectories(root.resolve("desktop").toAbsolutePath());
        return new ProfileSessions(dirs, name -> config(dirs, name));
    }

    /** The same, with the desktop profiles on {@code clock} (a test moves time for the disappearing sweep). */
    ProfileSessions desktopSessions(Clock clock) {
        AppDirectories dirs = new AppDirectories(root.resolve("desktop").toAbsolutePath());
        return new ProfileSessions(dirs, name -> config(dirs, name, clock));
    }

    /**
     * Creates the desktop profile and account {@code name} on this relay, as first run does, and returns the unlocked
     * profile's services.
     */
    public dev.parley.desktop.ui.common.UiServices createProfile(ProfileSessions sessions, String name)
            throws Exception {
        sessions.create(name, new dev.parley.desktop.ui.unlock.NewProfile(name, PASSPHRASE.toCharArray(),
                dev.parley.desktop.ui.unlock.RelayChoice.REMOTE,
                Optional.of(new RelayAddress(relay.uri(), Optional.empty())), Optional.empty()));
        return sessions.session().services();
    }

    /** Another client (as the CLI would run it): created, registered and connected. */
    public ParleyApp otherClient(String name) throws Exception {
        return otherClient(name, Clock.systemUTC());
    }

    /** Another client whose clock is {@code clock} (its messages carry that time). */
    ParleyApp otherClient(String name, Clock clock) throws Exception {
        AppDirectories dirs = new AppDirectories(root.resolve("other-" + name).toAbsolutePath());
        ParleyApp app = ParleyApp.open(config(dirs, new ProfileName(name), clock));
        others.add(app);
        app.account().create(name, new RelayAddress(relay.uri(), Optional.empty()), PASSPHRASE.toCharArray());
        app.account().register(Optional.empty());
        app.connection().start();
        return app;
    }

    /** Another client with no profile yet (it joins an account as a new device, issue #17); closed with the network. */
    ParleyApp newClient(String name) {
        AppDirectories dirs = new AppDirectories(root.resolve("other-" + name).toAbsolutePath());
        ParleyApp app = ParleyApp.open(config(dirs, new ProfileName(name)));
        others.add(app);
        return app;
    }

    public static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(25);
        }
        return condition.getAsBoolean();
    }

    /**
     * What a failed wait for a message needs to tell (CI keeps no logs): the states of the sender's last messages to
     * {@code recipient}, the recipient's connection, and what the recipient stored from the sender.
     */
    static String report(dev.parley.desktop.ui.common.UiServices sender, String recipient, ParleyApp receiver,
                         String senderName) {
        StringBuilder out = new StringBuilder();
        try {
            out.append("sender's messages: ");
            for (dev.parley.desktop.ui.common.MessageView m : sender.recent(recipient, 10).newestFirst()) {
                out.append(m.outgoing() ? "out " : "in ").append(m.status()).append(m.failure().map(f -> " " + f)
                        .orElse("")).append("; ");
            }
            out.append("recipient's connection: ").append(receiver.connection().state().get().status())
                    .append("; recipient stored from the sender: ");
            for (dev.parley.desktop.storage.Message m : receiver.messaging().history(senderName, Optional.empty(), 10)
                    .messages()) {
                out.append(m.direction()).append(' ').append(m.state()).append("; ");
            }
        } catch (Exception e) {
            out.append("(could not read: ").append(e).append(')');
        }
        return out.toString();
    }

    @Override
    public void close() {
        for (ParleyApp app : others) {
            app.close();
        }
        relay.close();
    }
}
