package dev.parley.relay.core;

import dev.parley.crypto.wire.ErrorCode;
import dev.parley.relay.limits.RateLimiter;
import dev.parley.relay.store.BlobStore;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one relay, rendered in the Prometheus text format for {@code GET /metrics}. */
public final class RelayMetrics {
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger authenticated = new AtomicInteger();
    private final LongAdder routed = new LongAdder();
    private final LongAdder stored = new LongAdder();
    private final LongAdder direct = new LongAdder();
    private final LongAdder storedAfterGrace = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder ephemeral = new LongAdder();
    private final LongAdder multiSends = new LongAdder();
    private final LongAdder multiRecipients = new LongAdder();
    private final LongAdder multiSettled = new LongAdder();
    private final LongAdder multiSettleNanos = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final LongAdder attachmentsBegun = new LongAdder();
    private final LongAdder attachmentChunksStored = new LongAdder();
    private final Map<ErrorCode, LongAdder> rejects = new EnumMap<>(ErrorCode.class);
    private final LongAdder closedForAbuse = new LongAdder();
    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder framesIn = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();
    private final LongAdder framesOut = new LongAdder();
    private final LongAdder leanConnections = new LongAdder();
    private final LongAdder readBuffersHeld = new LongAdder();
    private final BlobStore blobs;
    private volatile ClusterProbe cluster;
    private volatile RateLimiter limiter;
    private volatile RemoteRouting remote;

    public RelayMetrics(BlobStore blobs) {
        this.blobs = blobs;
        for (ErrorCode code : ErrorCode.values()) {
            rejects.put(code, new LongAdder());
        }
    }

    void connectionOpened() {
        connections.incrementAndGet();
    }

    void connectionClosed(boolean wasAuthenticated) {
        connections.decrementAndGet();
        if (wasAuthenticated) {
            authenticated.decrementAndGet();
        }
    }

    /** A connection that asked for lean answers (docs/protocol.md part 2, "Lean answers") was opened. */
    void leanConnectionOpened() {
        leanConnections.increment();
    }

    /** The bytes WebSocket read buffers hold between reads changed by {@code delta} (transport, issue #16). */
    public void readBuffersHeld(long delta) {
        readBuffersHeld.add(delta);
    }

    /** The bytes open connections' WebSocket read buffers hold between reads ({@link #readBuffersHeld(long)}). */
    public long readBufferBytes() {
        return readBuffersHeld.sum();
    }

    void authenticated() {
        authenticated.incrementAndGet();
    }

    void routed() {
        routed.increment();
    }

    void stored() {
        stored.increment();
    }

    void direct() {
        direct.increment();
    }

    void storedAfterGrace() {
        storedAfterGrace.increment();
    }

    void delivered() {
        delivered.increment();
    }

    void acknowledged() {
        acknowledged.increment();
    }

    void ephemeral() {
        ephemeral.increment();
    }

    /** One accepted {@code send_multi} frame with this many recipients. */
    void multiSend(int recipients) {
        multiSends.increment();
        multiRecipients.add(recipients);
    }

    /**
     * A {@code send_multi} answered with its outcomes {@code nanos} after the relay began routing it: every recipient
     * stored, or pushed and acknowledged (the relay's own fan-out time, without the upload and the decoding).
     */
    void multiSendSettled(long nanos) {
        multiSettled.increment();
        multiSettleNanos.add(nanos);
    }

    void expired(int count) {
        expired.add(count);
    }

    /** One attachment upload reserved ({@code attachment_begin} or {@code attachment_begin_shared}). */
    void attachmentBegun() {
        attachmentsBegun.increment();
    }

    /** One attachment chunk confirmed to its uploader. */
    void attachmentChunkStored() {
        attachmentChunksStored.increment();
    }

    /** {@code count} attachment chunks confirmed to their uploader (a bulk upload's body). */
    void attachmentChunksStored(long count) {
        attachmentChunksStored.add(count);
    }

    /** Attachment chunks confirmed to their uploaders since this relay started (frames and bulk bodies). */
    public long attachmentChunksStoredTotal() {
        return attachmentChunksStored.sum();
    }

    void rejected(ErrorCode code) {
        rejects.get(code).increment();
    }

    /** One WebSocket message arrived from a client (before decoding). */
    void webSocketMessageReceived() {
        messagesIn.increment();
    }

    /** One frame of an incoming message was decoded. */
    void frameReceived() {
        framesIn.increment();
    }

    /** The transport queued one frame for a client. */
    public void frameSent() {
        framesOut.increment();
    }

    /** The transport wrote one WebSocket message (one or more coalesced frames) to a client. */
    public void webSocketMessageSent() {
        messagesOut.increment();
    }

    void closedForAbuse() {
        closedForAbuse.increment();
    }

    public int connections() {
        return connections.get();
    }

    public long rejects(ErrorCode code) {
        return rejects.get(code).sum();
    }

    public long messagesRouted() {
        return routed.sum();
    }

    /** Blobs written to the blob store (before acceptance, or after a direct delivery's grace ran out). */
    public long messagesStored() {
        return stored.sum();
    }

    /** Blobs pushed straight to an online recipient and acknowledged within the grace period: never stored. */
    public long messagesDirect() {
        return direct.sum();
    }

    /** Blobs pushed straight to a recipient that did not acknowledge within the grace period (or left), then stored. */
    public long messagesStoredAfterGrace() {
        return storedAfterGrace.sum();
    }

    /** Reports the shared engines of a cluster node in {@link #health()} and {@link #render()}. */
    public void cluster(ClusterProbe probe) {
        cluster = probe;
    }

    void bus(RemoteRouting routing) {
        remote = routing;
    }

    void limits(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** {@code GET /health}: status 200 and "ok", or 503 when a cluster node cannot reach its shared store. */
    public Health health() {
        ClusterProbe probe = cluster;
        if (probe == null) {
            return new Health(200, "ok\n");
        }
        long latency = probe.storeLatencyMicros();
        String details = "store=postgresql " + (latency < 0 ? "down" : "up latency_us=" + latency) + "\n"
                + "wakeups=" + (probe.wakeupsListening() ? "listening" : "down (recipients pick up on reconnect)") + "\n";
        RemoteRouting routing = remote;
        if (routing != null && routing.hasBus()) {
            long bus = routing.busLatencyMicros();
            details += "bus=redis " + (bus < 0 ? "down (store-and-forward through PostgreSQL)" : "up latency_us=" + bus) + "\n";
        }
        RateLimiter limits = limiter;
        if (limits != null && limits.sharedNow().isPresent()) {
            details += "limits=" + (limits.sharedNow().get() ? "cluster-wide" : "per-node (Redis unreachable)") + "\n";
        }
        return latency < 0 ? new Health(503, "unavailable\n" + details) : new Health(200, "ok\n" + details);
    }

    /** A {@code /health} answer. */
    public record Health(int status, String body) {
    }

    /** The Prometheus text exposition (format 0.0.4). */
    public String render() {
        StringBuilder out = new StringBuilder(2048);
        ClusterProbe probe = cluster;
        if (probe != null) {
            long latency = probe.storeLatencyMicros();
            gauge(out, "parley_relay_store_up", "1 when the shared PostgreSQL store answers.", latency < 0 ? 0 : 1);
            gauge(out, "parley_relay_store_latency_microseconds", "One round trip to the shared store (-1: down).", latency);
            gauge(out, "parley_relay_store_wakeups_listening", "1 when other nodes' stores wake this node's recipients.",
                    probe.wakeupsListening() ? 1 : 0);
            RemoteRouting routing = remote;
            if (routing != null && routing.hasBus()) {
                long bus = routing.busLatencyMicros();
                gauge(out, "parley_relay_bus_up", "1 when the Redis bus answers (0: store-and-forward only).", bus < 0 ? 0 : 1);
                gauge(out, "parley_relay_bus_latency_microseconds", "One round trip to Redis (-1: down).", bus);
                counter(out, "parley_relay_cross_node_pushes_total", "Blobs from other nodes pushed directly here.",
                        routing.pushedAcross());
            }
            RateLimiter limits = limiter;
            if (limits != null && limits.sharedNow().isPresent()) {
                gauge(out, "parley_relay_limits_shared", "1 when per-account rate limits are counted cluster-wide "
                        + "(0: per node, Redis unreachable).", limits.sharedNow().get() ? 1 : 0);
                counter(out, "parley_relay_limits_local_fallbacks_total", "Per-account limit checks counted on this node "
                        + "alone because Redis could not be reached.", limits.localFallbacks());
            }
            if (latency < 0) {
                // The totals below would need the store.
                return out.toString();
            }
        }
        gauge(out, "parley_relay_connections", "Open WebSocket connections.", connections.get());
        gauge(out, "parley_relay_authenticated_connections", "Authenticated connections.", authenticated.get());
        gauge(out, "parley_relay_websocket_read_buffer_bytes", "Bytes the open connections' WebSocket read buffers "
                + "hold between reads.", readBuffersHeld.sum());
        counter(out, "parley_relay_messages_routed_total", "Sealed blobs accepted (stored or delivered and acknowledged).", routed.sum());
        counter(out, "parley_relay_messages_stored_total", "Sealed blobs written to the blob store.", stored.sum());
        counter(out, "parley_relay_messages_direct_total", "Blobs acknowledged within the grace period, never stored.", direct.sum());
        counter(out, "parley_relay_messages_stored_after_grace_total", "Directly pushed blobs stored after the grace period.", storedAfterGrace.sum());
        counter(out, "parley_relay_messages_delivered_total", "Deliver frames pushed (including redeliveries).", delivered.sum());
        counter(out, "parley_relay_messages_acknowledged_total", "Blobs acknowledged by their recipient (deleted, or never stored).", acknowledged.sum());
        counter(out, "parley_relay_ephemeral_total", "Ephemeral frames pushed to online recipients.", ephemeral.sum());
        counter(out, "parley_relay_multi_sends_total", "send_multi frames accepted for routing.", multiSends.sum());
        counter(out, "parley_relay_multi_send_recipients_total", "Recipients named by those send_multi frames.",
                multiRecipients.sum());
        out.append("# HELP parley_relay_multi_send_settle_seconds From routing a send_multi to its answer (every "
                + "recipient stored, or pushed and acknowledged).\n");
        out.append("# TYPE parley_relay_multi_send_settle_seconds summary\n");
        out.append("parley_relay_multi_send_settle_seconds_sum ")
                .append(String.format(java.util.Locale.ROOT, "%.6f", multiSettleNanos.sum() / 1e9)).append('\n');
        out.append("parley_relay_multi_send_settle_seconds_count ").append(multiSettled.sum()).append('\n');
        counter(out, "parley_relay_messages_expired_total", "Blobs deleted by the expiry sweeper.", expired.sum());
        counter(out, "parley_relay_attachments_begun_total", "Attachment uploads reserved.", attachmentsBegun.sum());
        counter(out, "parley_relay_attachment_chunks_stored_total", "Attachment chunks confirmed to their uploaders.",
                attachmentChunksStored.sum());
        gauge(out, "parley_relay_stored_blobs", "Blobs waiting for acknowledgement.", blobs.totalQueued());
        gauge(out, "parley_relay_stored_bytes", "Bytes of blobs waiting for acknowledgement.", blobs.totalQueuedBytes());
        counter(out, "parley_relay_websocket_messages_received_total", "WebSocket messages received from clients.", messagesIn.sum());
        counter(out, "parley_relay_frames_received_total", "Frames decoded from client messages (several may share one message).", framesIn.sum());
        counter(out, "parley_relay_websocket_messages_sent_total", "WebSocket messages written to clients.", messagesOut.sum());
        counter(out, "parley_relay_frames_sent_total", "Frames sent to clients (coalesced into the messages above).", framesOut.sum());
        counter(out, "parley_relay_lean_connections_total", "Connections opened with lean answers (answers=lean).",
                leanConnections.sum());
        counter(out, "parley_relay_connections_closed_for_abuse_total", "Connections closed after repeated rejects.", closedForAbuse.sum());
        out.append("# HELP parley_relay_rejects_total Rejected frames by error code.\n");
        out.append("# TYPE parley_relay_rejects_total counter\n");
        for (Map.Entry<ErrorCode, LongAdder> e : rejects.entrySet()) {
            out.append("parley_relay_rejects_total{reason=\"").append(e.getKey().name()).append("\"} ")
                    .append(e.getValue().sum()).append('\n');
        }
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        metric(out, name, help, "gauge", value);
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        metric(out, name, help, "counter", value);
    }

    private static void metric(StringBuilder out, String name, String help, String type, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        out.append(name).append(' ').append(value).append('\n');
    }
}
