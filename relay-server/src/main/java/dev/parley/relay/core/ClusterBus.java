package dev.parley.relay.core;

import dev.parley.relay.limits.SharedBuckets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The nodes of a cluster talking to one another: which node serves which account (entries expire, so a dead node's
 * vanish) and messages to one node. Every method fails soft: while the bus is down, claims and look-ups find
 * nothing, messages are dropped and {@link #up()} is false, and the relay falls back to the shared store.
 */
public interface ClusterBus extends AutoCloseable {
    /** This node's id on the bus. */
    String nodeId();

    /** Records that this node now serves the account. @return the node that served it before, if another */
    Optional<String> claim(String username);

    /** This node no longer serves the account (unless another node claimed it since). */
    void release(String username);

    /** The node serving the account, if it is connected anywhere. */
    Optional<String> locate(String username);

    /** The user turned out not to be on the node {@link #locate} named: forget any remembered answer. */
    default void forget(String username) {
    }

    /** Sends a message to one node. @return false when it could not be sent (the bus is down) */
    boolean send(String node, BusMessage message);

    /** Where this node's messages go (set once, before any arrive). */
    void onMessage(Consumer<BusMessage> handler);

    boolean up();

    /** Token buckets the nodes share, so per-account rate limits hold cluster-wide; empty: counted per node. */
    default Optional<SharedBuckets> sharedBuckets() {
        return Optional.empty();
    }

    /** One round trip to the bus in microseconds, or -1 when it is down. */
    long latencyMicros();

    /** Releases every account this node serves and disconnects. */
    @Override
    void close();

    /** Disconnects without releasing anything, as a crashed node would: its entries expire on their own. */
    void abandon();
}
