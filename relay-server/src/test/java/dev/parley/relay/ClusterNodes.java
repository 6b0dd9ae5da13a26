package dev.parley.relay;

import dev.parley.relay.core.RelayIdentity;
import dev.parley.relay.store.PostgresLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Relay nodes of one cluster, in-process, on one PostgreSQL: the first node creates the identity secrets in its data
 * directory and every other node gets copies of them, as docs/operations.md tells an operator to do.
 */
final class ClusterNodes implements AutoCloseable {
    /** The files every node of a cluster must share. */
    static final List<String> SHARED_SECRETS = List.of("relay-id", RelayIdentity.SIGNING_KEY_FILE, "username-key",
            "bulk-ticket-key");

    private final Path root;
    private final String storeUri;
    private final UnaryOperator<RelayConfig> tuning;
    private final Optional<java.net.URI> bus;
    private final List<RelayServer> nodes = new ArrayList<>();
    /** The directory whose identity secrets every node copies: this cluster's own node 0, or another cluster's. */
    private final Path secrets;

    private ClusterNodes(Path root, String storeUri, Optional<java.net.URI> bus, UnaryOperator<RelayConfig> tuning,
                         Path secrets) {
        this.bus = bus;
        this.root = root;
        this.storeUri = storeUri;
        this.tuning = tuning;
        this.secrets = secrets;
    }

    /**
     * More nodes of {@code existing}'s cluster (its identity, store and bus), tuned differently, in {@code root};
     * closing them leaves {@code existing} running.
     */
    static ClusterNodes join(ClusterNodes existing, Path root, int count, UnaryOperator<RelayConfig> tuning)
            throws Exception {
        ClusterNodes more = new ClusterNodes(root, existing.storeUri, existing.bus, tuning,
                existing.root.resolve("node0"));
        try {
            for (int i = 0; i < count; i++) {
                more.nodes.add(more.startNode(i));
            }
            return more;
        } catch (Exception e) {
            more.close();
            throw e;
        }
    }

    static ClusterNodes start(Path root, String storeUri, int count, UnaryOperator<RelayConfig> tuning) throws Exception {
        return start(root, storeUri, Optional.empty(), count, tuning);
    }

    /** Nodes on PostgreSQL and, when {@code bus} is given, Redis. */
    static ClusterNodes start(Path root, String storeUri, Optional<java.net.URI> bus, int count,
                              UnaryOperator<RelayConfig> tuning) throws Exception {
        ClusterNodes cluster = new ClusterNodes(root, storeUri, bus, tuning, root.resolve("node0"));
        try {
            for (int i = 0; i < count; i++) {
                cluster.nodes.add(cluster.startNode(i));
            }
            return cluster;
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    private RelayServer startNode(int index) throws Exception {
        Path dir = root.resolve("node" + index);
        if (!dir.equals(secrets) && !Files.exists(dir)) {
            Files.createDirectories(dir);
            for (String secret : SHARED_SECRETS) {
                Files.copy(secrets.resolve(secret), dir.resolve(secret), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        RelayConfig config = tuning.apply(RelayConfig.defaults().withPort(0).withDataDir(dir));
        ClusterSettings settings = ClusterSettings.onPostgres(PostgresLocation.parse(storeUri, Optional.empty()));
        return RelayServer.start(config, bus.isPresent() ? settings.withBus(bus.get(), Optional.empty()) : settings);
    }

    RelayServer node(int index) {
        return nodes.get(index);
    }

    /** Stops a node as abruptly as the process can without dying: connections drop, nothing is finished. */
    void kill(int index) {
        nodes.get(index).halt();
    }

    @Override
    public void close() {
        for (RelayServer node : nodes) {
            node.close();
        }
    }
}
