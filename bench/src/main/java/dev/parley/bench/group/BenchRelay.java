package dev.parley.bench.group;

import dev.parley.bench.relay.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real relay as a child process ({@link ServerProcess}: H2 on disk, or its in-memory stores; rate limits out of
 * the way), so its CPU time is its own; its counters are read from {@code GET /metrics}.
 */
public final class BenchRelay implements AutoCloseable {
    private final Path dataDir;
    private final ServerProcess process;
    private final HttpClient http = HttpClient.newHttpClient();
    public final URI uri;
    final boolean inMemory;

    public BenchRelay(boolean inMemory) throws Exception {
        this.inMemory = inMemory;
        this.dataDir = Files.createTempDirectory("parley-group-bench-relay");
        this.process = inMemory ? new ServerProcess("relay-memory") : new ServerProcess("relay", dataDir.toString());
        this.uri = URI.create("ws://127.0.0.1:" + process.port + "/parley");
    }

    String stores() {
        return inMemory ? "in-memory stores" : "H2";
    }

    /** CPU time of the relay process so far, in milliseconds (10 ms resolution on Linux). */
    public long cpuMillis() {
        return process.cpuMillis();
    }

    /** A snapshot of the relay's counters. */
    public Metrics metrics() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uri.getPort() + "/metrics"))
                .timeout(Duration.ofSeconds(30)).build();
        return new Metrics(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** One scrape of {@code /metrics}. */
    public record Metrics(String text) {
        public double value(String name) {
            for (String line : text.split("\n")) {
                if (line.startsWith(name + " ")) {
                    return Double.parseDouble(line.substring(name.length() + 1).trim());
                }
            }
            throw new IllegalStateException("the relay reports no " + name);
        }

        /** WebSocket messages the relay received from clients (uploads). */
        public long messagesIn() {
            return (long) value("parley_relay_websocket_messages_received_total");
        }

        public long stored() {
            return (long) value("parley_relay_messages_stored_total");
        }

        long multiSends() {
            return (long) value("parley_relay_multi_send_settle_seconds_count");
        }

        double multiSettleSeconds() {
            return value("parley_relay_multi_send_settle_seconds_sum");
        }
    }

    @Override
    public void close() throws Exception {
        try {
            process.close();
        } finally {
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
