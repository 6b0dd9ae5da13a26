package dev.parley.relay;

import dev.parley.relay.store.PostgresLocation;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How a relay node shares its state with the other nodes of a cluster. Without a store the relay is the single node
 * it always was, on H2 in its data directory (or in memory without one).
 *
 * @param store       the PostgreSQL every node keeps accounts, prekeys, invites and queued blobs in; the node's data
 *                    directory then holds only its identity secrets (relay id, signing key, username key), which must
 *                    be the same files on every node
 * @param bus         Redis ({@code redis://HOST:PORT}): which node serves which account, and live pushes between
 *                    nodes; needs a store. Without it every send for a user on another node is stored and that node
 *                    is woken through PostgreSQL
 * @param busPassword the Redis password, if it has one (never from the command line)
 */
public record ClusterSettings(Optional<PostgresLocation> store, Optional<URI> bus, Optional<char[]> busPassword) {
    public ClusterSettings {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(busPassword, "busPassword");
        if (bus.isPresent() && (!"redis".equals(bus.get().getScheme()) || bus.get().getHost() == null
                || bus.get().getUserInfo() != null || (bus.get().getPath() != null && bus.get().getPath().length() > 1)
                || bus.get().getQuery() != null)) {
            throw new IllegalArgumentException("--bus: expected redis://HOST:PORT (password from "
                    + "PARLEY_RELAY_BUS_PASSWORD or --bus-password-file)");
        }
        if (bus.isPresent() && store.isEmpty()) {
            throw new IllegalArgumentException("--bus needs --store: the nodes share their queues in PostgreSQL");
        }
    }

    public static ClusterSettings singleNode() {
        return new ClusterSettings(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static ClusterSettings onPostgres(PostgresLocation store) {
        return new ClusterSettings(Optional.of(store), Optional.empty(), Optional.empty());
    }

    /** These settings with a Redis bus. */
    public ClusterSettings withBus(URI uri, Optional<char[]> password) {
        return new ClusterSettings(store, Optional.of(uri), password);
    }

    /** Host, port and database; never a password. */
    @Override
    public String toString() {
        return "ClusterSettings[store=" + store.map(PostgresLocation::toString).orElse("none") + ", bus="
                + bus.map(URI::toString).orElse("none") + "]";
    }
}
