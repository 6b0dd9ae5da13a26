package dev.parley.relay.core;

/** What a cluster node reports about the engines it shares with the other nodes ({@code /health}, {@code /metrics}). */
public interface ClusterProbe {
    /** One round trip to the shared store, in microseconds, or -1 when it cannot be reached. */
    long storeLatencyMicros();

    /** Whether stores made on other nodes wake this node's recipients now (else they are picked up on reconnect). */
    boolean wakeupsListening();
}
