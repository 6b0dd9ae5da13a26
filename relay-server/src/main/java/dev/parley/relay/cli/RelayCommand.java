package dev.parley.relay.cli;

import dev.parley.relay.ClusterSettings;
import dev.parley.relay.MetricsAccess;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayConfigFile;
import dev.parley.relay.RelayServer;
import dev.parley.relay.TlsSettings;
import dev.parley.relay.store.PostgresLocation;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code java -jar parley-relay.jar}: runs a relay until SIGTERM/SIGINT. A thin shell over {@link RelayServer}. */
@Command(name = "parley-relay", mixinStandardHelpOptions = true, version = "parley-relay " + dev.parley.crypto.ParleyVersion.NUMBER,
        description = "Runs a Parley relay: it stores sealed messages until their recipients acknowledge them. "
                + "Nothing it stores is readable: blobs are end-to-end encrypted and usernames are kept only as keyed hashes.",
        subcommands = {InviteCommand.class, StatsCommand.class})
public final class RelayCommand implements Callable<Integer> {
    /** Environment variable choosing the log format: {@code kv} (key=value, the default) or {@code json}. */
    static final String LOG_FORMAT_VARIABLE = "PARLEY_RELAY_LOG_FORMAT";
    private static final RelayConfig DEFAULTS = RelayConfig.defaults();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}). Use 0.0.0.0 to accept "
            + "connections from other machines: it is never the default.", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--port", description = "TCP port (default: ${DEFAULT-VALUE}); 0 picks a free port.",
            defaultValue = "8443")
    int port;

    @Option(names = "--data-dir", description = "Directory for the database, relay id and TLS certificate "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "parley-relay-data")
    Path dataDir;

    @Option(names = "--admin-dir", description = "Directory of the admin socket the invite and stats commands use "
            + "(default: <data-dir>/admin). Nodes of a cluster that share one data directory each need their own.")
    Path adminDir;

    @Option(names = "--tls-keystore", description = "Serve wss:// with the first key entry of this PKCS12 keystore.")
    Path keystore;

    @Option(names = "--tls-keystore-password-file", description = "File holding the keystore password "
            + "(kept out of the command line and shell history).")
    Path keystorePasswordFile;

    @Option(names = "--tls-self-signed", description = "Serve wss:// with a self-signed certificate generated once and "
            + "kept in the data directory; its SHA-256 fingerprint is printed for clients to pin.")
    boolean selfSigned;

    @Option(names = "--invite-only", description = "Require an unused invite code to register "
            + "(create codes with the 'invite create' subcommand).")
    boolean inviteOnly;

    @Option(names = "--message-ttl", description = "How long an unacknowledged message is kept, e.g. 30d, 12h "
            + "(default: 30d).", converter = DurationConverter.class, defaultValue = "30d")
    Duration messageTtl;

    @Option(names = "--queue-quota", description = "Most messages queued for one recipient; further sends are "
            + "refused with QUEUE_FULL (default: ${DEFAULT-VALUE}).", defaultValue = "10000")
    int queueQuota;

    @Option(names = "--max-frame-bytes", description = "Largest accepted WebSocket message in bytes, 16384..1048576 "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "65536")
    int maxFrameBytes;

    @Option(names = "--max-connections-per-address", description = "Most simultaneous connections from one IP "
            + "address (default: ${DEFAULT-VALUE}).", defaultValue = "16")
    int maxConnectionsPerAddress;

    @Option(names = "--metrics-host", description = "Address of the separate metrics listener, which serves "
            + "GET /metrics and GET /health over plain HTTP (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String metricsHost;

    @Option(names = "--metrics-port", description = "Port of the separate metrics listener (default: ${DEFAULT-VALUE}; "
            + "0 picks a free port).", defaultValue = "9464")
    int metricsPort;

    @Option(names = "--metrics-token-file", description = "Serve GET /metrics on the relay's own port instead, only to "
            + "requests with 'Authorization: Bearer <token>'; the file holds the token (16 characters or more).")
    Path metricsTokenFile;

    @Option(names = "--idle-timeout", description = "Close a connection that sends nothing, not even a ping, for this "
            + "long, with close code 1001 (default: 30s).", converter = DurationConverter.class, defaultValue = "30s")
    Duration idleTimeout;

    @Option(names = "--config", description = "Tuning file (Java properties): rate limits and the one-time prekey "
            + "cap, e.g. send-per-connection.burst=200; every key and default is in docs/operations.md.")
    Path configFile;

    @Option(names = "--store", description = "Run as one node of a cluster: keep accounts, prekeys, invites and "
            + "queued messages in this PostgreSQL, postgresql://HOST:PORT/DATABASE?user=NAME (password from "
            + "PARLEY_RELAY_STORE_PASSWORD or --store-password-file, never the command line). Every node needs the same "
            + "relay-id, relay-signing-key, username-key and bulk-ticket-key files in its data directory "
            + "(docs/operations.md).")
    String store;

    @Option(names = "--store-password-file", description = "File holding the PostgreSQL password for --store.")
    Path storePasswordFile;

    @Option(names = "--bus", description = "With --store: Redis, redis://HOST:PORT, for one connection per account "
            + "across the nodes and live pushes between them (password from PARLEY_RELAY_BUS_PASSWORD or "
            + "--bus-password-file). Without it, or while Redis is down, the nodes work store-and-forward.")
    java.net.URI bus;

    @Option(names = "--bus-password-file", description = "File holding the Redis password for --bus.")
    Path busPasswordFile;

    /** Environment variable holding the Redis password of {@code --bus}. */
    static final String BUS_PASSWORD_VARIABLE = "PARLEY_RELAY_BUS_PASSWORD";

    /** Environment variable holding the PostgreSQL password of {@code --store}. */
    static final String STORE_PASSWORD_VARIABLE = "PARLEY_RELAY_STORE_PASSWORD";

    public static void main(String[] args) {
        configureLogging(System.getenv(LOG_FORMAT_VARIABLE));
        System.exit(new CommandLine(new RelayCommand()).execute(args));
    }

    /**
     * Before the first logger exists: every log line, the relay's and Grizzly's (java.util.logging, bridged), goes to
     * stderr in one format, key=value or, with {@code format} "json", JSON lines. An explicit
     * {@code -Dlogback.configurationFile} wins.
     */
    static void configureLogging(String format) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile",
                    "json".equalsIgnoreCase(format) ? "parley-relay-logback-json.xml" : "parley-relay-logback.xml");
        }
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
    }

    /** The relay configuration these options describe. */
    public RelayConfig config() throws Exception {
        if (selfSigned && keystore != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "choose either --tls-keystore or --tls-self-signed");
        }
        RelayConfig config = DEFAULTS.withHost(host).withPort(port).withDataDir(dataDir).withInviteOnly(inviteOnly)
                .withMessageTtl(messageTtl).withQueueQuota(queueQuota).withMaxFrameBytes(maxFrameBytes)
                .withMaxConnectionsPerAddress(maxConnectionsPerAddress).withIdleTimeout(idleTimeout);
        if (adminDir != null) {
            config = config.withAdminDir(adminDir);
        }
        if (configFile != null) {
            config = RelayConfigFile.apply(config, configFile);
        }
        if (metricsTokenFile != null) {
            config = config.withMetrics(new MetricsAccess.Token(
                    Files.readString(metricsTokenFile, StandardCharsets.UTF_8).strip()));
        } else {
            config = config.withMetrics(new MetricsAccess.Listener(metricsHost, metricsPort));
        }
        if (selfSigned) {
            config = config.withTls(new TlsSettings.SelfSigned());
        } else if (keystore != null) {
            if (keystorePasswordFile == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--tls-keystore needs --tls-keystore-password-file");
            }
            char[] password = Files.readString(keystorePasswordFile, StandardCharsets.UTF_8).strip().toCharArray();
            config = config.withTls(new TlsSettings.Pkcs12(keystore, password));
        }
        return config;
    }

    /** The cluster settings these options describe: a single node unless {@code --store} is given. */
    public ClusterSettings cluster() throws java.io.IOException {
        return cluster(System.getenv(STORE_PASSWORD_VARIABLE), System.getenv(BUS_PASSWORD_VARIABLE));
    }

    ClusterSettings cluster(String storePasswordVariable, String busPasswordVariable) throws java.io.IOException {
        if (store == null) {
            if (storePasswordFile != null || bus != null || busPasswordFile != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--store-password-file, --bus and --bus-password-file need --store");
            }
            return ClusterSettings.singleNode();
        }
        ClusterSettings settings = ClusterSettings.onPostgres(PostgresLocation.parse(store,
                secret(storePasswordFile, storePasswordVariable)));
        if (bus != null) {
            settings = settings.withBus(bus, secret(busPasswordFile, busPasswordVariable));
        } else if (busPasswordFile != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bus-password-file needs --bus");
        }
        return settings;
    }

    /** A password from its file, else from its environment variable, else none. */
    private static Optional<char[]> secret(Path file, String variable) throws java.io.IOException {
        if (file != null) {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray());
        }
        return variable == null || variable.isEmpty() ? Optional.empty() : Optional.of(variable.toCharArray());
    }

    @Override
    public Integer call() throws Exception {
        RelayConfig config;
        ClusterSettings cluster;
        try {
            config = config();
            cluster = cluster();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        RelayServer relay = RelayServer.start(config, cluster);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LoggerFactory.getLogger(RelayCommand.class).info("event=relay_stopping");
            relay.close();
            stopped.countDown();
        }, "relay-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Parley relay listening on " + relay.uri());
        relay.metricsUri().ifPresent(uri -> out.println("Metrics on " + uri));
        relay.tlsFingerprint().ifPresent(f -> out.println("TLS certificate SHA-256 fingerprint (pin this in clients): " + f));
        if (!"127.0.0.1".equals(config.host()) && !"localhost".equals(config.host()) && config.tls() instanceof TlsSettings.None) {
            out.println("Warning: serving without TLS on a non-loopback address.");
        }
        out.flush();
        stopped.await();
        return 0;
    }
}
