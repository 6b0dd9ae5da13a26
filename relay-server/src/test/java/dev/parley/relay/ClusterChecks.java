package dev.parley.relay;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What the cluster tests read off nodes and engines: metrics, /health, Redis's command counts; waiting on them. */
final class ClusterChecks {
    private ClusterChecks() {
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    static long metric(RelayServer node, String name) {
        for (String line : node.metrics().render().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Long.parseLong(line.substring(name.length() + 1));
            }
        }
        throw new AssertionError("no metric " + name);
    }

    static String health(RelayServer node) throws Exception {
        URI uri = node.uri();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + uri.getHost() + ":" + uri.getPort() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** How many times Redis has run {@code command} (INFO commandstats). */
    static long redisCalls(String busUri, String command) {
        RedisClient client = RedisClient.create(busUri);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            String prefix = "cmdstat_" + command + ":calls=";
            for (String line : c.sync().info("commandstats").split("\r?\n")) {
                if (line.startsWith(prefix)) {
                    return Long.parseLong(line.substring(prefix.length(), line.indexOf(',', prefix.length())));
                }
            }
            return 0;
        } finally {
            client.shutdown();
        }
    }
}
