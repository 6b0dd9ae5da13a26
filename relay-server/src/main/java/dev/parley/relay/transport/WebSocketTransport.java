package dev.parley.relay.transport;

import dev.parley.relay.core.RelayMetrics;
import dev.parley.relay.core.RelayService;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;

/**
 * One Grizzly listener bound to exactly the configured host and port, serving the WebSocket endpoint
 * {@value #PATH}, {@code GET /health}, the bulk path of attachment bodies ({@code PUT}/{@code GET /bulk/<id>},
 * {@link BulkHttpHandler}) and, when allowed, {@code GET /metrics}, over TLS when given an
 * {@link SSLContext}.
 */
public final class WebSocketTransport implements AutoCloseable {
    /** The WebSocket path clients connect to. */
    public static final String PATH = "/parley";
    private static final long GRIZZLY_IDLE_MARGIN_SECONDS = 30;

    private final HttpServer http;
    private final NetworkListener listener;
    private final WebSocketGuardFilter guard;
    private final LeanAnswers lean;
    private final BulkHttpHandler bulk;

    private WebSocketTransport(HttpServer http, NetworkListener listener, WebSocketGuardFilter guard, LeanAnswers lean,
                               BulkHttpHandler bulk) {
        this.http = http;
        this.listener = listener;
        this.guard = guard;
        this.lean = lean;
        this.bulk = bulk;
    }

    /**
     * Binds and starts serving.
     *
     * @param idleTimeout       a WebSocket connection that sends nothing for this long is closed with 1001
     * @param metricsAuthorized given a request's {@code Authorization} header (or null), whether this port may answer
     *                          {@code GET /metrics}; otherwise it answers 404 as for any unknown path
     * @param leanAnswerDelay   the longest an unhurried answer waits on a connection that asked for lean answers
     */
    public static WebSocketTransport start(String host, int port, Optional<SSLContext> tls, RelayService service,
                                           int maxMessageBytes, Duration idleTimeout,
                                           Predicate<String> metricsAuthorized, Duration leanAnswerDelay)
            throws IOException {
        // Messages up to maxMessageBytes (RelayConfig#maxMessageBytes) are read (over the frame limit: a send_multi
        // frame alone, or answered with FRAME_TOO_LARGE); the guard closes the connection with 1009 on the first
        // frame header that takes a message past that, before Tyrus buffers any of it.
        int sessionLimit = maxMessageBytes + 1024;
        RelayContainer container = new RelayContainer(sessionLimit * 2, service.metrics()::readBuffersHeld);
        LeanAnswers lean = new LeanAnswers(leanAnswerDelay);
        RelayEndpoint endpoint = new RelayEndpoint(service, sessionLimit, lean);
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(RelayEndpoint.class, PATH)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(endpoint);
                    }
                })
                .build();
        try {
            container.register(config);
        } catch (DeploymentException e) {
            lean.close();
            throw new IOException("the relay endpoint could not be deployed", e);
        }
        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener("parley", host, port);
        tls.ifPresent(context -> {
            listener.setSecure(true);
            listener.setSSLEngineConfig(new SSLEngineConfigurator(context, false, false, false));
        });
        // Grizzly's own idle timer (30 s by default) drops connections without a close frame: ours fires first.
        listener.getKeepAlive().setIdleTimeoutInSeconds((int) Math.min(Integer.MAX_VALUE,
                idleTimeout.toSeconds() + GRIZZLY_IDLE_MARGIN_SECONDS));
        WebSocketGuardFilter guard = new WebSocketGuardFilter(sessionLimit, idleTimeout, System::nanoTime);
        // Registered first, so that Tyrus's filter (inserted at the same place afterwards) comes after the guard.
        listener.registerAddOn((networkListener, chain) -> chain.add(
                chain.indexOfType(org.glassfish.grizzly.http.server.HttpServerFilter.class), guard));
        listener.registerAddOn(new WebSocketAddOn(container, ""));
        // Issue #16: an upgraded connection keeps its parsed request head; let it pin its own bytes, not a pool array.
        listener.registerAddOn((networkListener, chain) -> chain.add(
                chain.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class), new FirstReadCopyFilter()));
        http.addListener(listener);
        RelayMetrics metrics = service.metrics();
        http.getServerConfiguration().addHttpHandler(new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws IOException {
                String path = request.getRequestURI();
                if (!"GET".equals(request.getMethod().getMethodString())) {
                    response.setStatus(405);
                    write(response, "method not allowed\n", "text/plain");
                } else if ("/health".equals(path)) {
                    RelayMetrics.Health health = metrics.health();
                    response.setStatus(health.status());
                    write(response, health.body(), "text/plain");
                } else if ("/metrics".equals(path) && metricsAuthorized.test(request.getHeader("Authorization"))) {
                    write(response, metrics.render(), "text/plain; version=0.0.4");
                } else {
                    response.setStatus(404);
                    write(response, "not found\n", "text/plain");
                }
            }
        });
        // Issue #13: attachment bodies over HTTP on this same listener (and TLS), on a pool of their own.
        BulkHttpHandler bulk = new BulkHttpHandler(service.bulk());
        http.getServerConfiguration().addHttpHandler(bulk, BulkHttpHandler.PREFIX + "*");
        try {
            http.start();
        } catch (IOException | RuntimeException e) {
            guard.close();
            lean.close();
            bulk.close();
            throw e;
        }
        return new WebSocketTransport(http, listener, guard, lean, bulk);
    }

    static void write(Response response, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The bound port (the chosen one when configured with port 0). */
    public int port() {
        return listener.getPort();
    }

    /** Stops accepting and closes every connection. */
    @Override
    public void close() {
        http.shutdownNow();
        guard.close();
        lean.close();
        bulk.close();
    }

}
