package dev.parley.bench.relay;

import dev.parley.relay.ClusterSettings;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.store.PostgresLocation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.glassfish.tyrus.server.Server;

/**
 * The server side of the load test, run as its own process so its RSS and heap are its own:
 * {@code relay <dataDir> [port]} (the real relay: H2 on disk, authentication, limits set out of the way, attachments up
 * to 2 GiB), {@code relay-memory} (the same relay on its in-memory stores), {@code relay-cluster STORE BUS DATADIR
 * ADMINDIR} (one node of a cluster on PostgreSQL and Redis) or {@code bare}
 * (the bare Tyrus forwarder). Prints {@code PORT n}; then answers {@code heap} (used heap after GC),
 * {@code rss} and {@code quit} on stdin. Output for the parent process only.
 */
public final class ServerUnderTest {
    /** System property (milliseconds) overriding the relay's direct-delivery grace period; passed on to the child. */
    static final String GRACE_PROPERTY = "parley.bench.directGraceMillis";

    private ServerUnderTest() {
    }

    public static void main(String[] args) throws Exception {
        AutoCloseable server;
        dev.parley.relay.core.RelayMetrics metrics = null;
        int port;
        if (args[0].startsWith("relay")) {
            RelayConfig base = RelayConfig.defaults();
            // relay-sendlimits DATADIR PORT: as relay, but with the default per-connection and per-address send limits
            boolean sendLimits = "relay-sendlimits".equals(args[0]);
            boolean onDisk = "relay".equals(args[0]) || sendLimits;
            if (onDisk) {
                base = base.withDataDir(Path.of(args[1]));
            }
            int fixedPort = onDisk && args.length > 2 ? Integer.parseInt(args[2]) : 0;
            RelayConfig config = base.withPort(fixedPort)
                    .withAttachments(dev.parley.relay.AttachmentLimits.defaults()
                            .withMaxBytes(dev.parley.relay.AttachmentLimits.MAX_BYTES_CEILING).withQuotaBytes(64L << 30))
                    .withQueueQuota(100_000).withMaxConnectionsPerAddress(50_000)
                    .withMessageTtl(Duration.ofDays(1))
                    // Idle load-test connections must stay open while thousands of others sign in.
                    .withIdleTimeout(Duration.ofHours(1));
            Long graceMillis = Long.getLong(GRACE_PROPERTY);
            if (graceMillis != null) {
                config = config.withDirectGrace(Duration.ofMillis(graceMillis));
            }
            for (RateLimit limit : RateLimit.values()) {
                boolean keep = limit == RateLimit.STRIKES_PER_CONNECTION || sendLimits
                        && (limit == RateLimit.SEND_PER_CONNECTION || limit == RateLimit.SEND_PER_ADDRESS);
                if (!keep) {
                    config = config.withLimit(limit, BucketSpec.UNLIMITED);
                }
            }
            RelayServer relay;
            if ("relay-cluster".equals(args[0])) {
                // relay-cluster STORE BUS DATADIR ADMINDIR: one node of a cluster; the nodes share DATADIR (identity).
                config = config.withDataDir(Path.of(args[3])).withAdminDir(Path.of(args[4]));
                relay = RelayServer.start(config, ClusterSettings.onPostgres(PostgresLocation.parse(args[1],
                        Optional.empty())).withBus(URI.create(args[2]), Optional.empty()));
            } else {
                relay = RelayServer.start(config);
            }
            server = relay;
            metrics = relay.metrics();
            port = relay.port();
        } else {
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            Server bare = new Server("127.0.0.1", port, "/", null, BareForwarderEndpoint.class);
            bare.start();
            server = bare::stop;
        }
        System.out.println("PORT " + port);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (line.trim()) {
                case "heap":
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                        Thread.sleep(200);
                    }
                    Runtime rt = Runtime.getRuntime();
                    System.out.println("HEAP " + (rt.totalMemory() - rt.freeMemory()));
                    break;
                case "metrics":
                    // the relay's own /metrics text, one line per metric (Prometheus format), then END
                    if (metrics != null) {
                        for (String m : metrics.render().split("\n")) {
                            if (!m.startsWith("#")) {
                                System.out.println("METRIC " + m);
                            }
                        }
                    }
                    System.out.println("END");
                    break;
                case "rss":
                    System.out.println("RSS " + rssKb());
                    break;
                case "threadcpu":
                    // CPU of the live Java threads, in ms: the process's CPU without the JIT compiler and GC threads
                    System.out.println("THREADCPU " + liveThreadsCpuMillis());
                    break;
                case "quit":
                    server.close();
                    System.out.println("BYE");
                    System.out.flush();
                    System.exit(0);
                    break;
                default:
                    System.out.println("? " + line);
            }
            System.out.flush();
        }
        server.close();
    }

    /**
     * CPU time of this process's live Java threads, in ms. The JIT compiler and GC threads are not Java threads the
     * management bean lists, so this is the work itself without the compiling a young process still does.
     */
    public static long liveThreadsCpuMillis() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (long id : threads.getAllThreadIds()) {
            nanos += Math.max(0, threads.getThreadCpuTime(id));
        }
        return nanos / 1_000_000;
    }

    static long rssKb() throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
