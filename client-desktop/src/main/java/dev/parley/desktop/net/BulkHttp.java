package dev.parley.desktop.net;

import dev.parley.crypto.wire.FrameCodec;
import dev.parley.crypto.wire.FrameDecodeException;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.threads.BackgroundThreads;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The client side of the relay's bulk path (docs/protocol.md, "Bulk transfers"): {@code PUT} and {@code GET} of
 * {@code /bulk/<hex id>?offset=N} on the relay's own listener, with the JDK's HTTP client, over TLS pinned exactly as
 * the WebSocket is ({@link PinnedCertificateTrustManager}; no hostname check, the pin is stronger), plain HTTP only
 * where the WebSocket may be plain (loopback). Bodies stream: an upload is fed chunk by chunk from the caller's thread
 * ({@link Upload}, each chunk's array handed to the client as it is, {@link ChunkPublisher}), a download is read as it
 * arrives. Every failure to move bytes is a {@link BrokenException} (the
 * caller resumes); the relay's refusals come back as its {@code error} frame.
 */
public final class BulkHttp {
    /** How long a bulk request may wait for the relay to answer once its body was sent. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The JDK HTTP client's buffer size ({@code jdk.httpclient.bufsize}, default 16 KiB), unless the command line
     * sets it: a download is read from the socket and handed to its reader in buffers of this size, one at a time,
     * so 16 KiB meant 65,536 reads and thread hand-overs per GiB. Set before the client's classes are first used
     * (nothing else in the app uses them).
     */
    static final int CLIENT_BUFFER_BYTES = 256 * 1024;

    static {
        if (System.getProperty("jdk.httpclient.bufsize") == null) {
            System.setProperty("jdk.httpclient.bufsize", Integer.toString(CLIENT_BUFFER_BYTES));
        }
    }
    private final FrameCodec codec = FrameCodec.cbor();
    private HttpClient client;
    private RelayAddress clientFor;

    /** The transfer broke off (connection refused or lost, relay gone, a body cut short): resume it. */
    public static final class BrokenException extends Exception {
        private static final long serialVersionUID = 1L;

        public BrokenException(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    /** The relay's answer: its HTTP status and, unless it is a download's body, its frame. */
    public record Answer(int status, Response frame) {
    }

    private synchronized HttpClient client(RelayAddress relay) {
        if (client == null || !relay.equals(clientFor)) {
            HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER)
                    // its threads (TLS, handing bodies over) below the UI thread's priority, as the uploader's
                    .executor(Executors.newCachedThreadPool(BackgroundThreads.numbered("parley-bulk-http")));
            relay.certificate().ifPresent(pin -> builder.sslContext(PinnedCertificateTrustManager.sslContext(pin)));
            client = builder.build();
            clientFor = relay;
        }
        return client;
    }

    /** {@code http(s)://host:port/bulk/<hex id>?offset=N} of the relay's WebSocket address. */
    static URI uri(RelayAddress relay, byte[] attachmentId, long offset) {
        URI ws = relay.uri();
        String scheme = ws.getScheme().toLowerCase(Locale.ROOT).equals("wss") ? "https" : "http";
        try {
            return new URI(scheme, null, ws.getHost(), ws.getPort(), "/bulk/" + HexFormat.of().formatHex(attachmentId),
                    "offset=" + offset, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the relay address gives no bulk address", e);
        }
    }

    private static String bearer(byte[] ticket) {
        return "Bearer " + Base64.getUrlEncoder().withoutPadding().encodeToString(ticket);
    }

    /**
     * Starts a {@code PUT} of {@code length} bytes at ciphertext byte {@code offset}; feed it with
     * {@link Upload#write(byte[])}, then {@link Upload#finish()}.
     */
    public Upload upload(RelayAddress relay, byte[] ticket, byte[] attachmentId, long offset, long length) {
        ChunkPublisher body = new ChunkPublisher(length);
        HttpRequest request = HttpRequest.newBuilder(uri(relay, attachmentId, offset))
                .header("Authorization", bearer(ticket)).header("Content-Type", "application/octet-stream")
                .PUT(body)
                .build();
        CompletableFuture<HttpResponse<byte[]>> response = client(relay)
                .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        response.whenComplete((r, e) -> body.gone());
        return new Upload(body, response);
    }

    /** A {@code PUT} in progress. */
    public final class Upload {
        private final ChunkPublisher pipe;
        private final CompletableFuture<HttpResponse<byte[]>> response;

        private Upload(ChunkPublisher pipe, CompletableFuture<HttpResponse<byte[]>> response) {
            this.pipe = pipe;
            this.response = response;
        }

        /** Hands the next bytes of the body over, as they are (never reuse the array; waits while the connection is behind). */
        public void write(byte[] bytes) throws BrokenException {
            try {
                pipe.put(bytes);
            } catch (IOException e) {
                throw new BrokenException("the upload broke off", e);
            }
        }

        /** Ends the body and waits for the relay's answer. */
        public Answer finish() throws BrokenException {
            pipe.end();
            HttpResponse<byte[]> answer = await(response);
            return new Answer(answer.statusCode(), frame(answer.body()));
        }

        /** Abandons the request (the relay keeps the whole chunks it received). */
        public void abort() {
            pipe.fail();
            response.cancel(true);
        }
    }

    /** A download's answer: a body to read, or the relay's refusal. */
    public record Download(int status, InputStream body, Response refusal) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (body != null) {
                body.close();
            }
        }
    }

    /** {@code GET} from ciphertext byte {@code offset}: the body of a 200, or the relay's refusal. */
    public Download download(RelayAddress relay, byte[] ticket, byte[] attachmentId, long offset) throws BrokenException {
        HttpRequest request = HttpRequest.newBuilder(uri(relay, attachmentId, offset))
                .header("Authorization", bearer(ticket)).GET().build();
        HttpResponse<InputStream> answer = await(client(relay).sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()));
        if (answer.statusCode() == 200) {
            return new Download(200, answer.body(), null);
        }
        try (InputStream body = answer.body()) {
            return new Download(answer.statusCode(), null, frame(body.readNBytes(64 * 1024)));
        } catch (IOException e) {
            throw new BrokenException("the relay's answer broke off", e);
        }
    }

    private Response frame(byte[] body) throws BrokenException {
        try {
            if (codec.decode(body).frame() instanceof Response response) {
                return response;
            }
        } catch (FrameDecodeException | RuntimeException e) {
            throw new BrokenException("the relay's bulk answer is not a frame (not a Parley relay, or a proxy?)", e);
        }
        throw new BrokenException("the relay's bulk answer is not a response", null);
    }

    private static <T> T await(CompletableFuture<T> future) throws BrokenException {
        try {
            return future.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new BrokenException("interrupted", e);
        } catch (ExecutionException e) {
            throw new BrokenException("the bulk transfer broke off: " + e.getCause().getClass().getSimpleName(),
                    e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new BrokenException("the relay did not answer the bulk transfer", e);
        }
    }
}
