package dev.parley.relay.transport;

import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.FrameCodec;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.core.BulkTransfers;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PUT} and {@code GET} of {@value #PREFIX}{@code <hex id>?offset=N} on the relay's listener (docs/protocol.md,
 * "Bulk transfers"), with {@code Authorization: Bearer <base64url ticket>}. Bodies are streamed: an upload is read and
 * stored one chunk at a time, a download read from the store and written one chunk at a time. Runs on a pool of its
 * own ({@value #THREADS} threads; further requests wait for one), because the blocking reads and writes of a long
 * body must never hold the listener's workers, which carry every WebSocket. Answers other than a download's body are
 * one CBOR frame ({@code attachment_progress} or {@code error}).
 */
final class BulkHttpHandler extends HttpHandler {
    static final String PREFIX = "/bulk/";
    static final int THREADS = 16;
    private static final Logger LOG = LoggerFactory.getLogger(BulkHttpHandler.class);
    private static final String BEARER = "Bearer ";
    private static final String FRAME_TYPE = "application/cbor";

    private final BulkTransfers bulk;
    private final FrameCodec codec = FrameCodec.cbor();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "relay-bulk-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });
    private final RequestExecutorProvider executor = new RequestExecutorProvider() {
        @Override
        public java.util.concurrent.Executor getExecutor(Request request) {
            return pool;
        }
    };

    BulkHttpHandler(BulkTransfers bulk) {
        this.bulk = bulk;
    }

    @Override
    public RequestExecutorProvider getRequestExecutorProvider() {
        return executor;
    }

    @Override
    public void service(Request request, org.glassfish.grizzly.http.server.Response response) throws IOException {
        String method = request.getMethod().getMethodString();
        Optional<byte[]> id = attachmentId(request.getRequestURI());
        if (id.isEmpty()) {
            response.setStatus(404);
            WebSocketTransport.write(response, "not found\n", "text/plain");
            return;
        }
        long offset;
        try {
            String value = request.getParameter("offset");
            offset = value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            offset = -1;
        }
        byte[] ticket = ticket(request.getHeader("Authorization"));
        BulkTransfers.Answer answer;
        if ("PUT".equals(method)) {
            answer = offset < 0 ? invalid("offset: a non-negative number expected")
                    : bulk.upload(ticket, id.get(), offset, request.getContentLengthLong(), request.getInputStream());
        } else if ("GET".equals(method)) {
            if (offset < 0) {
                answer = invalid("offset: a non-negative number expected");
            } else {
                answer = bulk.download(ticket, id.get(), offset, bytes -> {
                    response.setStatus(200);
                    response.setContentType("application/octet-stream");
                    response.setContentLengthLong(bytes);
                    return response.getOutputStream();
                });
            }
        } else {
            response.setStatus(405);
            response.setHeader("Allow", "GET, PUT");
            WebSocketTransport.write(response, "method not allowed\n", "text/plain");
            return;
        }
        if (answer.frame().isPresent()) {
            byte[] body = codec.encode(Envelope.of(0, answer.frame().get()));
            response.setStatus(answer.status());
            if (answer.frame().get() instanceof Response.ErrorResponse error && error.retryAfterMillis() > 0) {
                response.setHeader("Retry-After", Long.toString((error.retryAfterMillis() + 999) / 1000));
            }
            response.setContentType(FRAME_TYPE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            if (answer.status() >= 400) {
                LOG.debug("event=bulk_refused status={}", answer.status());
            }
        }
    }

    private static BulkTransfers.Answer invalid(String reason) {
        return new BulkTransfers.Answer(400, Optional.of(new Response.ErrorResponse(
                dev.parley.crypto.wire.ErrorCode.INVALID_FIELD, reason, 0)));
    }

    /** The id of {@code /bulk/<32 hex digits>}, or empty for any other path. */
    static Optional<byte[]> attachmentId(String path) {
        if (path == null || !path.startsWith(PREFIX) || path.length() != PREFIX.length() + 32) {
            return Optional.empty();
        }
        try {
            return Optional.of(HexFormat.of().parseHex(path, PREFIX.length(), path.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The ticket of an {@code Authorization: Bearer <base64url>} header; null when there is none or it is not one. */
    static byte[] ticket(String authorization) {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return null;
        }
        try {
            return Base64.getUrlDecoder().decode(authorization.substring(BEARER.length()).strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Stops the pool; requests still running end with their connections. */
    void close() {
        pool.shutdownNow();
    }
}
