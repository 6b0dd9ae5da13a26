package dev.parley.relay;

import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.relay.admin.AdminOperations;
import dev.parley.relay.admin.AdminSocketServer;
import dev.parley.relay.cluster.RedisBus;
import dev.parley.relay.core.ClusterBus;
import dev.parley.relay.core.ClusterProbe;
import dev.parley.relay.core.RelayMetrics;
import dev.parley.relay.core.RelayIdentity;
import dev.parley.relay.core.RelayService;
import dev.parley.relay.store.AccountStore;
import dev.parley.relay.store.AttachmentStore;
import dev.parley.relay.store.BlobStore;
import dev.parley.relay.store.DiskAttachmentStore;
import dev.parley.relay.store.DiskSpace;
import dev.parley.relay.store.DataDirectory;
import dev.parley.relay.store.H2Database;
import dev.parley.relay.store.InMemoryAccountStore;
import dev.parley.relay.store.InMemoryBlobStore;
import dev.parley.relay.store.PgDatabase;
import dev.parley.relay.store.QueueWakeups;
import dev.parley.relay.tls.TlsMaterial;
import dev.parley.relay.transport.MetricsListener;
import dev.parley.relay.transport.WebSocketTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running relay: the handle {@link #start(RelayConfig)} returns. Embeddable (the desktop app and client tests
 * start one in-process) and the core of the command-line relay.
 *
 * <pre>{@code
 * try (RelayServer relay = RelayServer.start(RelayConfig.defaults().withPort(0))) {
 *     connect(relay.uri());                       // ws://127.0.0.1:<port>/parley
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops accepting, closes every connection and closes the database cleanly;
 * {@link #halt()} stops as abruptly as the process can without dying (for crash tests).
 *
 * <p>With a data directory the relay also serves the operator commands ({@code invite}, {@code stats}) on a Unix
 * domain socket in that directory, or in its own admin directory when one is configured (nodes of a cluster sharing
 * one data directory; see {@link AdminSocketServer}); {@link #close()} removes it, {@link #halt()}
 * leaves it behind as a crash would.
 */
public final class RelayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayServer.class);
    /** Free disk space an attachment upload never takes: the database and the logs need room too. */
    static final long ATTACHMENT_DISK_HEADROOM_BYTES = 64L << 20;
    static final String RELAY_ID_FILE = "relay-id";

    private final RelayConfig config;
    private final RelayService service;
    private final WebSocketTransport transport;
    private final Optional<H2Database> database;
    private final Optional<String> fingerprint;
    private final byte[] relayId;
    private final Optional<AdminSocketServer> admin;
    private final Optional<MetricsListener> metricsListener;
    private boolean closed;
    /** A cluster node's shared store and its wake-ups (set once, before the server is handed out). */
    private Optional<PgDatabase> shared = Optional.empty();
    private Optional<QueueWakeups> wakeups = Optional.empty();
    private Optional<ClusterBus> bus = Optional.empty();

    private RelayServer(RelayConfig config, RelayService service, WebSocketTransport transport,
                        Optional<H2Database> database, Optional<String> fingerprint, byte[] relayId,
                        Optional<AdminSocketServer> admin, Optional<MetricsListener> metricsListener) {
        this.metricsListener = metricsListener;
        this.config = config;
        this.service = service;
        this.transport = transport;
        this.database = database;
        this.fingerprint = fingerprint;
        this.relayId = relayId;
        this.admin = admin;
    }

    /** Starts a relay with the system clock and the preferred crypto provider. */
    public static RelayServer start(RelayConfig config) throws IOException {
        return start(config, Clock.systemUTC(), CryptoProviders.preferred());
    }

    /**
     * Starts a relay.
     *
     * @param clock  drives challenge expiry, message TTL and rate limits (tests pass a mutable clock)
     * @param crypto verifies signatures and supplies randomness for challenges and the relay id
     * @throws IOException when the data directory, the database, the TLS material or the port cannot be used
     */
    public static RelayServer start(RelayConfig config, Clock clock, CryptoProvider crypto) throws IOException {
        return start(config, ClusterSettings.singleNode(), clock, crypto);
    }

    /** Starts a relay node of a cluster (or, with {@link ClusterSettings#singleNode()}, the single relay). */
    public static RelayServer start(RelayConfig config, ClusterSettings cluster) throws IOException {
        return start(config, cluster, Clock.systemUTC(), CryptoProviders.preferred());
    }

    /**
     * Starts a relay; with a shared store in {@code cluster} it is one node of a cluster: accounts and queues live in
     * PostgreSQL, and the data directory (required) holds only the identity secrets every node shares.
     */
    public static RelayServer start(RelayConfig config, ClusterSettings cluster, Clock clock, CryptoProvider crypto)
            throws IOException {
        Optional<H2Database> database = Optional.empty();
        Optional<PgDatabase> shared = Optional.empty();
        Optional<QueueWakeups> wakeups = Optional.empty();
        Optional<ClusterBus> bus = Optional.empty();
        AccountStore accounts;
        BlobStore blobs;
        byte[] relayId;
        dev.parley.crypto.primitives.Ed25519KeyPair signingKey;
        if (cluster.store().isPresent()) {
            Path dir = config.dataDir().orElseThrow(() -> new IllegalArgumentException(
                    "a cluster node needs a data directory for the identity secrets its nodes share"));
            try {
                shared = Optional.of(PgDatabase.open(cluster.store().get(), dir));
            } catch (SQLException e) {
                throw new IOException("the shared PostgreSQL store could not be opened: " + e.getMessage(), e);
            }
            accounts = shared.get().accounts();
            blobs = shared.get().blobs();
            wakeups = Optional.of(shared.get().wakeups());
            if (cluster.bus().isPresent()) {
                PgDatabase store = shared.get();
                bus = Optional.of(RedisBus.start(cluster.bus().get(), cluster.busPassword(),
                        java.util.HexFormat.of().formatHex(crypto.random().bytes(8)), store::accountKey));
            }
            relayId = loadOrCreateRelayId(dir, crypto);
            signingKey = RelayIdentity.loadOrCreateSigningKey(dir, crypto);
        } else if (config.dataDir().isPresent()) {
            Path dir = config.dataDir().get();
            try {
                database = Optional.of(H2Database.open(dir, config.options().databaseKey().map(DatabaseKey::filePassword)));
            } catch (SQLException e) {
                throw new IOException("the relay database could not be opened", e);
            }
            accounts = database.get().accounts();
            blobs = database.get().blobs();
            relayId = loadOrCreateRelayId(dir, crypto);
            signingKey = RelayIdentity.loadOrCreateSigningKey(dir, crypto);
        } else {
            accounts = new InMemoryAccountStore();
            blobs = new InMemoryBlobStore();
            relayId = crypto.random().bytes(16);
            signingKey = crypto.ed25519().generateKeyPair();
        }
        RelayService service = null;
        Optional<AdminSocketServer> admin = Optional.empty();
        Optional<MetricsListener> metricsListener = Optional.empty();
        try {
            Optional<TlsMaterial> tls = tls(config);
            RelayIdentity identity = new RelayIdentity(relayId, signingKey,
                    RelayIdentity.channelOf(tls.map(TlsMaterial::fingerprint)));
            AttachmentStore attachments = shared.isPresent() ? shared.get().attachments(crypto.random(), clock)
                    : config.dataDir().isPresent()
                    ? DiskAttachmentStore.open(config.dataDir().get(), crypto.random(), clock,
                            DiskSpace.of(), ATTACHMENT_DISK_HEADROOM_BYTES)
                    : DiskAttachmentStore.temporary(crypto.random(), clock);
            service = new RelayService(config, identity, accounts, blobs, attachments, crypto.ed25519(), crypto.random(),
                    clock, wakeups, bus);
            if (shared.isPresent()) {
                PgDatabase store = shared.get();
                QueueWakeups listener = wakeups.get();
                service.metrics().cluster(new ClusterProbe() {
                    @Override
                    public long storeLatencyMicros() {
                        return store.pingMicros();
                    }

                    @Override
                    public boolean wakeupsListening() {
                        return listener.listening();
                    }
                });
            }
            Optional<Path> adminDir = config.options().adminDir().or(() -> config.dataDir()
                    .map(AdminSocketServer::defaultDirectory));
            if (adminDir.isPresent()) {
                admin = startAdmin(adminDir.get(), new AdminOperations(accounts, blobs, crypto.random(), clock));
            }
            MetricsAccess access = config.options().metrics();
            if (access instanceof MetricsAccess.Listener separate) {
                metricsListener = startMetrics(separate, service);
            }
            Predicate<String> metricsOnMainPort = access instanceof MetricsAccess.Token token ? token::accepts
                    : authorization -> access instanceof MetricsAccess.MainPort;
            WebSocketTransport transport = WebSocketTransport.start(config.host(), config.port(),
                    tls.map(TlsMaterial::context), service, config.maxMessageBytes(), config.options().idleTimeout(),
                    metricsOnMainPort, config.options().leanAnswerDelay());
            RelayServer server = new RelayServer(config, service, transport, database,
                    tls.map(TlsMaterial::fingerprint), relayId, admin, metricsListener);
            server.shared = shared;
            server.wakeups = wakeups;
            server.bus = bus;
            LOG.info("event=relay_started uri={}", server.uri());
            server.metricsUri().ifPresent(uri -> LOG.info("event=metrics_listener uri={}", uri));
            return server;
        } catch (IOException | RuntimeException e) {
            metricsListener.ifPresent(MetricsListener::close);
            admin.ifPresent(AdminSocketServer::close);
            if (service != null) {
                service.close();
            }
            database.ifPresent(H2Database::close);
            bus.ifPresent(ClusterBus::close);
            wakeups.ifPresent(QueueWakeups::close);
            shared.ifPresent(PgDatabase::close);
            throw e;
        }
    }

    /** Metrics are a convenience too: a relay whose metrics port is taken still serves, and logs why. */
    private static Optional<MetricsListener> startMetrics(MetricsAccess.Listener separate, RelayService service) {
        try {
            return Optional.of(MetricsListener.start(separate.host(), separate.port(), service.metrics()));
        } catch (IOException e) {
            LOG.warn("event=metrics_listener_unavailable host={} port={} reason=\"{}\"", separate.host(), separate.port(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** The admin channel is a convenience: a relay that cannot bind it still serves, and says why in its log. */
    private static Optional<AdminSocketServer> startAdmin(Path dir, AdminOperations operations) {
        try {
            return AdminSocketServer.startIn(dir, operations);
        } catch (IOException e) {
            LOG.warn("No admin socket (invite and stats commands need the relay stopped): {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<TlsMaterial> tls(RelayConfig config) throws IOException {
        if (config.tls() instanceof TlsSettings.Pkcs12 p12) {
            return Optional.of(TlsMaterial.fromPkcs12(p12.keystore(), p12.password()));
        }
        if (config.tls() instanceof TlsSettings.SelfSigned) {
            return Optional.of(TlsMaterial.selfSigned(config.dataDir().orElseThrow(), config.host()));
        }
        return Optional.empty();
    }

    private static byte[] loadOrCreateRelayId(Path dir, CryptoProvider crypto) throws IOException {
        Path file = dir.resolve(RELAY_ID_FILE);
        if (Files.exists(file)) {
            byte[] id = HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (id.length != 16) {
                throw new IOException("the relay id file is damaged");
            }
            return id;
        }
        byte[] id = crypto.random().bytes(16);
        DataDirectory.writePrivately(file, (HexFormat.of().formatHex(id) + "\n").getBytes(StandardCharsets.US_ASCII));
        return id;
    }

    /** The bound port (the chosen one when configured with port 0). */
    public int port() {
        return transport.port();
    }

    /** {@code ws://host:port/parley}, or {@code wss://} with TLS. */
    public URI uri() {
        String scheme = config.tls() instanceof TlsSettings.None ? "ws" : "wss";
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create(scheme + "://" + host + ":" + port() + WebSocketTransport.PATH);
    }

    /** The SHA-256 fingerprint of the TLS certificate (upper-case hex pairs joined by ':'), when serving TLS. */
    public Optional<String> tlsFingerprint() {
        return fingerprint;
    }

    /** This relay's 16-byte id, bound into every authentication signature; stable across restarts of a data dir. */
    public byte[] relayId() {
        return relayId.clone();
    }

    /** The separate metrics listener's {@code /metrics} address, when {@link MetricsAccess.Listener} is configured. */
    public Optional<URI> metricsUri() {
        return metricsListener.map(listener -> {
            MetricsAccess.Listener separate = (MetricsAccess.Listener) config.options().metrics();
            String host = separate.host().contains(":") ? "[" + separate.host() + "]" : separate.host();
            return URI.create("http://" + host + ":" + listener.port() + "/metrics");
        });
    }

    /** Live counters (the same ones {@code GET /metrics} shows). */
    public RelayMetrics metrics() {
        return service.metrics();
    }

    /** Stops accepting, closes all connections, finishes deliveries in progress and closes the database cleanly. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        admin.ifPresent(AdminSocketServer::close);
        metricsListener.ifPresent(MetricsListener::close);
        transport.close();
        service.close();
        database.ifPresent(H2Database::close);
        bus.ifPresent(ClusterBus::close);
        wakeups.ifPresent(QueueWakeups::close);
        shared.ifPresent(PgDatabase::close);
        LOG.info("Relay stopped");
    }

    /** Stops abruptly: drops connections and closes the database files without any cleanup, like a crash. */
    public synchronized void halt() {
        if (closed) {
            return;
        }
        closed = true;
        admin.ifPresent(AdminSocketServer::halt);
        metricsListener.ifPresent(MetricsListener::close);
        // as a crash: the network goes first, so no answer leaves about work the halt below interrupts
        transport.close();
        service.halt();
        database.ifPresent(H2Database::halt);
        bus.ifPresent(ClusterBus::abandon);
        wakeups.ifPresent(QueueWakeups::close);
        shared.ifPresent(PgDatabase::close);
    }
}
