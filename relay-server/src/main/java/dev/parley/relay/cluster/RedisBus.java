package dev.parley.relay.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.crypto.wire.FlushScope;
import dev.parley.relay.core.BusMessage;
import dev.parley.relay.core.ClusterBus;
import dev.parley.relay.limits.SharedBuckets;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClusterBus} on Redis (lettuce). Presence: {@code parley:serves:<account key>} holds the serving node's id
 * and expires after {@value #PRESENCE_TTL_MILLIS} ms unless the node refreshes it (every third of that), so a dead
 * node's entries vanish. Messages: each node subscribes to {@code parley:node:<id>}; a message is one JSON document
 * (Jackson). Account keys are the store's keyed username hashes, so Redis never holds a username; usernames appear
 * only inside messages in flight.
 *
 * <p>Redis down: commands fail fast (never queued), claims and look-ups find nothing, so the relay uses the shared
 * store; lettuce reconnects by itself (and resubscribes), and a node that could not connect at start keeps trying
 * every second. When the connection comes back the node claims its accounts again.
 */
public final class RedisBus implements ClusterBus {
    private static final Logger LOG = LoggerFactory.getLogger(RedisBus.class);
    static final long PRESENCE_TTL_MILLIS = 15_000;
    /** How long a node remembers where another node's user is served, instead of asking Redis for every send. */
    static final long LOCATE_CACHE_MILLIS = 1_000;
    private static final String RELEASE_SCRIPT =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final RedisClient client;
    private final String nodeId;
    private final Function<String, String> accountKey;
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> served = ConcurrentHashMap.newKeySet();
    /** One outbox per other node (see {@link BusOutbox}). */
    private final Map<String, BusOutbox> outboxes = new ConcurrentHashMap<>();
    /** Recent answers of {@link #locate}, kept {@value #LOCATE_CACHE_MILLIS} ms (see there). */
    private final Map<String, Located> located = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final RedisRateBuckets rateBuckets;
    private volatile StatefulRedisConnection<String, String> commands;
    private volatile StatefulRedisPubSubConnection<String, String> messages;
    private volatile Consumer<BusMessage> handler = m -> { };
    private volatile boolean wasUp;
    /**
     * Whether Redis confirmed at the last tick that this node's channel has a subscriber (this node). After a
     * reconnect lettuce reports the connections open at once but resubscribes a moment later; until then a message
     * published to this node would reach nobody, so the node is not "up" (and does not claim presence) before that.
     */
    private volatile boolean subscribed;
    private volatile boolean closed;
    /** Seconds since start, counted by the timer thread only. */
    private long ticks;

    private RedisBus(RedisClient client, String nodeId, Function<String, String> accountKey) {
        this.client = client;
        this.nodeId = nodeId;
        this.accountKey = accountKey;
        this.rateBuckets = new RedisRateBuckets(() -> up() ? commands : null, accountKey);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "relay-bus");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects to {@code redis://HOST:PORT} (the password, if any, from {@code password}); starts even when Redis is
     * down, and keeps trying.
     *
     * @param accountKey how the store keys an account (a keyed hash, hex)
     */
    public static RedisBus start(URI uri, Optional<char[]> password, String nodeId, Function<String, String> accountKey) {
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("--bus: expected redis://HOST:PORT (password from "
                    + "PARLEY_RELAY_BUS_PASSWORD or --bus-password-file)");
        }
        RedisURI.Builder target = RedisURI.builder().withHost(uri.getHost())
                .withPort(uri.getPort() < 0 ? RedisURI.DEFAULT_REDIS_PORT : uri.getPort())
                .withTimeout(Duration.ofSeconds(2));
        password.ifPresent(target::withPassword);
        RedisClient client = RedisClient.create(target.build());
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        RedisBus bus = new RedisBus(client, nodeId, accountKey);
        bus.timer.scheduleWithFixedDelay(bus::tick, 0, 1, TimeUnit.SECONDS);
        return bus;
    }

    /** Every second: connect if never connected; every third of the TTL, refresh what this node serves. */
    private void tick() {
        try {
            if (closed) {
                return;
            }
            if (commands == null) {
                connect();
            }
            subscribed = confirmSubscribed();
            long stale = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(LOCATE_CACHE_MILLIS);
            located.values().removeIf(l -> l.atNanos() - stale < 0);
            boolean up = up();
            if (up && (!wasUp || ++ticks % Math.max(1, PRESENCE_TTL_MILLIS / 3_000) == 0)) {
                refreshPresence();
            }
            if (up != wasUp) {
                LOG.info("event=bus_{}", up ? "up" : "down");
            }
            wasUp = up;
        } catch (RuntimeException e) {
            if (wasUp) {
                LOG.warn("event=bus_down reason=\"{}\"", e.getMessage());
            }
            wasUp = false;
        }
    }

    private void connect() {
        StatefulRedisPubSubConnection<String, String> pubsub = client.connectPubSub();
        pubsub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                deliver(message);
            }
        });
        pubsub.sync().subscribe(channel(nodeId));
        messages = pubsub;
        commands = client.connect();
    }

    private boolean confirmSubscribed() {
        StatefulRedisConnection<String, String> c = commands;
        if (c == null || !c.isOpen()) {
            return false;
        }
        try {
            Long subscribers = c.sync().pubsubNumsub(channel(nodeId)).get(channel(nodeId));
            return subscribers != null && subscribers > 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void refreshPresence() {
        StatefulRedisConnection<String, String> c = commands;
        for (String username : served) {
            c.async().set(presenceKey(username), nodeId, SetArgs.Builder.px(PRESENCE_TTL_MILLIS));
        }
    }

    private void deliver(String message) {
        BusMessage decoded;
        try {
            decoded = json.readValue(message, BusMessage.class);
        } catch (JsonProcessingException e) {
            LOG.warn("event=bus_message_unreadable");
            return;
        }
        // One unit of work, like one incoming WebSocket message: what it writes to a connection leaves coalesced,
        // and what it sends to another node leaves as one bus message.
        List<BusMessage> messages = decoded instanceof BusMessage.Batch batch ? batch.messages() : List.of(decoded);
        FlushScope.run(() -> {
            for (BusMessage m : messages) {
                try {
                    handler.accept(m);
                } catch (RuntimeException e) {
                    LOG.error("A bus message could not be handled", e);
                }
            }
        });
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public Optional<String> claim(String username) {
        served.add(username);
        StatefulRedisConnection<String, String> c = commands;
        if (c == null || !up()) {
            return Optional.empty();
        }
        try {
            String previous = c.sync().setGet(presenceKey(username), nodeId, SetArgs.Builder.px(PRESENCE_TTL_MILLIS));
            return previous == null || previous.equals(nodeId) ? Optional.empty() : Optional.of(previous);
        } catch (RuntimeException e) {
            LOG.warn("event=bus_claim_failed reason=\"{}\"", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void release(String username) {
        served.remove(username);
        StatefulRedisConnection<String, String> c = commands;
        if (c != null && up()) {
            try {
                c.async().eval(RELEASE_SCRIPT, ScriptOutputType.INTEGER, new String[] {presenceKey(username)}, nodeId);
            } catch (RuntimeException e) {
                // the entry expires by itself
            }
        }
    }

    /** Where a user was served at {@code atNanos}. */
    private record Located(String node, long atNanos) {
    }

    /**
     * The node serving the account. A node found is remembered for {@link #LOCATE_CACHE_MILLIS} ms, so a stream of
     * sends to one user costs one Redis look-up a second, not one each; a stale answer (the user moved or left within
     * that second) only sends the blob to a node that answers "not delivered", and the sender's node then stores it,
     * as when the user is not found ({@link #forget} drops the entry at once). "Not connected" is never remembered.
     */
    @Override
    public Optional<String> locate(String username) {
        StatefulRedisConnection<String, String> c = commands;
        if (c == null || !up()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Located known = located.get(username);
        if (known != null && now - known.atNanos() < TimeUnit.MILLISECONDS.toNanos(LOCATE_CACHE_MILLIS)) {
            return Optional.of(known.node());
        }
        try {
            String node = c.sync().get(presenceKey(username));
            if (node == null) {
                located.remove(username);
            } else {
                located.put(username, new Located(node, now));
            }
            return Optional.ofNullable(node);
        } catch (RuntimeException e) {
            LOG.warn("event=bus_lookup_failed reason=\"{}\"", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void forget(String username) {
        located.remove(username);
    }

    /**
     * Queues the message in the node's {@link BusOutbox}: published at once, or, while this thread handles one
     * incoming message, together with the others for that node when the handling ends.
     */
    @Override
    public boolean send(String node, BusMessage message) {
        StatefulRedisConnection<String, String> c = commands;
        if (c == null || !up()) {
            return false;
        }
        outboxes.computeIfAbsent(node, n -> new BusOutbox(m -> publish(n, m))).send(message);
        return true;
    }

    private void publish(String node, BusMessage message) {
        StatefulRedisConnection<String, String> c = commands;
        if (c == null) {
            return;
        }
        try {
            c.async().publish(channel(node), json.writeValueAsString(message));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.debug("A bus message could not be published: {}", e.toString());
        }
    }

    /** The per-account rate limit buckets every node shares, in this Redis (see {@link RedisRateBuckets}). */
    @Override
    public Optional<SharedBuckets> sharedBuckets() {
        return Optional.of(rateBuckets);
    }

    @Override
    public void onMessage(Consumer<BusMessage> handler) {
        this.handler = handler;
    }

    @Override
    public boolean up() {
        StatefulRedisConnection<String, String> c = commands;
        StatefulRedisPubSubConnection<String, String> p = messages;
        return !closed && subscribed && c != null && c.isOpen() && p != null && p.isOpen();
    }

    @Override
    public long latencyMicros() {
        StatefulRedisConnection<String, String> c = commands;
        if (c == null || !up()) {
            return -1;
        }
        long start = System.nanoTime();
        try {
            c.sync().ping();
            return Math.max(1, (System.nanoTime() - start) / 1_000);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private String presenceKey(String username) {
        return "parley:serves:" + accountKey.apply(username);
    }

    private static String channel(String node) {
        return "parley:node:" + node;
    }

    @Override
    public void abandon() {
        closed = true;
        timer.shutdownNow();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    /** Releases every account this node serves, then disconnects. */
    @Override
    public void close() {
        for (String username : Set.copyOf(served)) {
            release(username);
        }
        closed = true;
        timer.shutdownNow();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
