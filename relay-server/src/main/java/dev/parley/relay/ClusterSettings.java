package dev.parley.relay;

import dev.parley.relay.store.PostgresLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * How a relay node shares its state with the other nodes of a cluster. Without a store the relay is the single node
 * it always was, on H2 in its data directory (or in memory without one).
 *
 * @param store the PostgreSQL every node keeps accounts, prekeys, invites and queued blobs in; the node's data
 *              directory then holds only its identity secrets (relay id, signing key, username key), which must be
 *              the same files on every node
 */
public record ClusterSettings(Optional<PostgresLocation> store) {
    public ClusterSettings {
        Objects.requireNonNull(store, "store");
    }

    public static ClusterSettings singleNode() {
        return new ClusterSettings(Optional.empty());
    }

    public static ClusterSettings onPostgres(PostgresLocation store) {
        return new ClusterSettings(Optional.of(store));
    }
}
