package dev.parley.desktop.net;

import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One open WebSocket to a relay. Requests are correlated with their responses by request id; pushes and the close go
 * to the {@link RelayLinkListener} given when connecting.
 */
public interface RelayLink extends AutoCloseable {
    /**
     * The close reason when the relay speaks another protocol version (a frame with another {@code v}): the link is
     * closed and the connection must not retry.
     */
    String VERSION_MISMATCH = "this relay runs another Parley version: the relay and this app must both be Parley 0.2"
            + " or later";


    /**
     * Sends {@code request} and completes with the relay's response (possibly an
     * {@link Response.ErrorResponse}). Completes exceptionally with {@link RelayLinkClosedException} if the link
     * closes first or the frame cannot be written.
     */
    CompletableFuture<Response> request(Request request);

    /**
     * Sends several requests, coalesced into as few WebSocket messages as the wire allows (see
     * {@link dev.parley.crypto.wire.FrameBatcher}), and returns their responses in the same order; each future
     * behaves as one from {@link #request}.
     */
    List<CompletableFuture<Response>> requestAll(List<? extends Request> requests);

    /**
     * Sends requests whose answers nobody waits for (acknowledgements: on a link with lean answers the relay does not
     * answer a successful {@code ack}), coalesced as in {@link #requestAll}; returns once they are written (at the end of an
     * enclosing {@link dev.parley.crypto.wire.FlushScope}, if any), or at once if the link is closed (what was not acknowledged is delivered again). They carry request ids from
     * {@link #UNANSWERED_IDS} up, so an answer a relay sends anyway (an {@code ok} from a relay without lean answers,
     * an {@code error}) is recognised by its id and dropped, with nothing remembered per request.
     */
    void fireAll(List<? extends Request> requests);

    /** The first request id of {@link #fireAll}; ids of {@link #request} stay far below (docs/protocol.md part 2, "Lean answers"). */
    long UNANSWERED_IDS = 1L << 62;

    /** Sends a WebSocket ping; the listener hears the pong as {@link RelayLinkListener#onPong()}. */
    void ping();

    boolean isOpen();

    /** How long the relay's answer to {@link #request} may take before callers give up. */
    Duration requestTimeout();

    /** Closes the WebSocket; pending requests fail; harmless when already closed. */
    @Override
    void close();
}
