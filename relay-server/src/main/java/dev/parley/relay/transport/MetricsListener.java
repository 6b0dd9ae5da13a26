package dev.parley.relay.transport;

import dev.parley.relay.core.RelayMetrics;
import java.io.IOException;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * A plain-HTTP listener of its own (loopback by default) serving only {@code GET /metrics} and {@code GET /health},
 * so that the relay's public port does not publish its counters.
 */
public final class MetricsListener implements AutoCloseable {
    private final HttpServer http;
    private final NetworkListener listener;

    private MetricsListener(HttpServer http, NetworkListener listener) {
        this.http = http;
        this.listener = listener;
    }

    /** Binds exactly {@code host:port} (0 picks a free port) and starts serving. */
    public static MetricsListener start(String host, int port, RelayMetrics metrics) throws IOException {
        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener("parley-metrics", host, port);
        http.addListener(listener);
        http.getServerConfiguration().addHttpHandler(new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws IOException {
                String path = request.getRequestURI();
                if (!"GET".equals(request.getMethod().getMethodString())) {
                    response.setStatus(405);
                    WebSocketTransport.write(response, "method not allowed\n", "text/plain");
                } else if ("/metrics".equals(path)) {
                    WebSocketTransport.write(response, metrics.render(), "text/plain; version=0.0.4");
                } else if ("/health".equals(path)) {
                    RelayMetrics.Health health = metrics.health();
                    response.setStatus(health.status());
                    WebSocketTransport.write(response, health.body(), "text/plain");
                } else {
                    response.setStatus(404);
                    WebSocketTransport.write(response, "not found\n", "text/plain");
                }
            }
        });
        http.start();
        return new MetricsListener(http, listener);
    }

    /** The bound port. */
    public int port() {
        return listener.getPort();
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
