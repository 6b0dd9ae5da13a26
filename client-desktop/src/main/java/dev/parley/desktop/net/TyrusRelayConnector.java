package dev.parley.desktop.net;

import dev.parley.crypto.wire.FrameCodec;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;

/**
 * Opens relay links with the Tyrus standalone client: binary WebSocket frames carrying the CBOR {@link FrameCodec}.
 * For {@code wss} the TLS context trusts exactly the pinned certificate ({@link PinnedCertificateTrustManager});
 * hostname checks are off because the pin is stronger. Every link asks for lean answers ({@code ?answers=lean},
 * docs/protocol.md part 2, "Lean answers"): acknowledgements go unanswered ({@link RelayLink#fireAll}) and a busy
 * sender's {@code send_accepted}s share WebSocket messages. A relay that does not know the parameter answers as
 * before; the link drops those answers.
 */
public final class TyrusRelayConnector implements RelayConnector {
    private static final int MAX_FRAME_BYTES = 4 * 1024 * 1024;

    private final ClientManager client = ClientManager.createClient();
    /** Links this connector opened that may still be open: {@link #close()} closes them before the client stops. */
    private final Set<TyrusRelayLink> links = ConcurrentHashMap.newKeySet();
    private final FrameCodec codec;
    private final Duration handshakeTimeout;
    private final Duration requestTimeout;
    private final boolean leanAnswers;

    public TyrusRelayConnector(FrameCodec codec, Duration handshakeTimeout, Duration requestTimeout) {
        this(codec, handshakeTimeout, requestTimeout, true);
    }

    /**
     * @param leanAnswers whether links ask for lean answers; without, the relay answers every request as a relay
     *                    that does not know lean answers does (what tests of that compatibility use)
     */
    public TyrusRelayConnector(FrameCodec codec, Duration handshakeTimeout, Duration requestTimeout, boolean leanAnswers) {
        this.codec = Objects.requireNonNull(codec);
        this.handshakeTimeout = handshakeTimeout;
        this.requestTimeout = requestTimeout;
        this.leanAnswers = leanAnswers;
    }

    /** CBOR frames, lean answers, 10 s handshake, 30 s per request. */
    public static TyrusRelayConnector standard() {
        return new TyrusRelayConnector(FrameCodec.cbor(), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    @Override
    public synchronized RelayLink connect(RelayAddress address, RelayLinkListener listener) throws IOException {
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, (int) handshakeTimeout.toMillis());
        client.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
        client.setDefaultMaxBinaryMessageBufferSize(MAX_FRAME_BYTES);
        PinnedCertificateTrustManager trust = address.certificate().map(PinnedCertificateTrustManager::new).orElse(null);
        if (trust != null) {
            SslEngineConfigurator tls = new SslEngineConfigurator(trust.sslContext(), true, false, false);
            tls.setHostVerificationEnabled(false);
            client.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR, tls);
        } else {
            client.getProperties().remove(ClientProperties.SSL_ENGINE_CONFIGURATOR);
        }
        TyrusRelayLink link = new TyrusRelayLink(codec, listener, requestTimeout);
        try {
            Session session = client.connectToServer(link.endpoint(), ClientEndpointConfig.Builder.create().build(),
                    leanAnswers ? withLeanAnswers(address.uri()) : address.uri());
            try {
                session.setMaxBinaryMessageBufferSize(MAX_FRAME_BYTES);
            } catch (IllegalStateException closedAlready) {
                // the relay closed at once (an old version, a refusal): the link's close event says why
            }
            links.removeIf(open -> !open.isOpen());
            links.add(link);
            return link;
        } catch (DeploymentException e) {
            if (trust != null && trust.refusedCertificate().isPresent()) {
                throw new CertificateMismatchException(trust.refusedCertificate().get(), e);
            }
            throw new RelayLinkClosedException("cannot open a WebSocket to the relay: " + rootMessage(e), e);
        }
    }

    /** The query parameter and value that ask the relay for lean answers (docs/protocol.md part 2, "Lean answers"). */
    static final String LEAN_ANSWERS = "answers=lean";

    /** {@code uri} asking for lean answers: {@value #LEAN_ANSWERS} added to its query, without its fragment. */
    static URI withLeanAnswers(URI uri) {
        String query = uri.getRawQuery();
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + "?" + (query == null || query.isEmpty() ? LEAN_ANSWERS : query + "&" + LEAN_ANSWERS));
    }

    /**
     * Closes the open links first (pending requests fail, later writes are refused as "closed"), then stops the
     * client's threads. In the other order, a thread still answering a delivery could write into a stopped client
     * (issue #18 item 19).
     */
    @Override
    public synchronized void close() {
        for (TyrusRelayLink link : links) {
            link.close();
        }
        links.clear();
        client.shutdown();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
