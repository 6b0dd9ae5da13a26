package dev.parley.desktop.service.connection;

import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.net.RelayConnector;
import dev.parley.desktop.net.RelayLink;
import dev.parley.desktop.net.RelayLinkListener;
import dev.parley.desktop.service.RelayUnreachableException;
import dev.parley.desktop.service.ServiceException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Issue #17: the link of a device that is joining an account (docs/protocol.md 1.18 and part 2, "Linking channel"):
 * it never logs in (it has no account yet); it talks to the existing device through the relay's linking channel with
 * {@code link_send} and receives its {@code link_message}s.
 */
public final class JoiningLink implements AutoCloseable {
    /** The keep-alive of {@link #open(RelayConnector, RelayAddress)}: well inside the relay's default idle timeout. */
    private static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(20);

    private final RelayLink link;
    private final Push.Challenge challenge;
    private final BlockingQueue<Object> received;
    private final ScheduledExecutorService keepAlive;

    private JoiningLink(RelayLink link, Push.Challenge challenge, BlockingQueue<Object> received, Duration keepAlive) {
        this.link = link;
        this.challenge = challenge;
        this.received = received;
        // The link waits minutes for the other device's user; the relay closes a connection that sends nothing for
        // its idle timeout (one minute by default), so it pings like a logged-in connection does.
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "parley-join-keepalive");
            thread.setDaemon(true);
            return thread;
        });
        this.keepAlive.scheduleWithFixedDelay(link::ping, keepAlive.toMillis(), keepAlive.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Connects and waits for the relay's first challenge (which names the relay: its id and signing key). */
    public static JoiningLink open(RelayConnector connector, RelayAddress relay) throws ServiceException {
        return open(connector, relay, DEFAULT_KEEP_ALIVE);
    }

    /**
     * Like {@link #open(RelayConnector, RelayAddress)}, pinging the relay every {@code keepAlive} (the profile's
     * heartbeat) so that the wait for the other device never looks idle to the relay.
     */
    public static JoiningLink open(RelayConnector connector, RelayAddress relay, Duration keepAlive)
            throws ServiceException {
        CompletableFuture<Push.Challenge> first = new CompletableFuture<>();
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        RelayLinkListener listener = new RelayLinkListener() {
            @Override
            public void onPush(Push push) {
                if (push instanceof Push.Challenge c) {
                    first.complete(c);
                } else if (push instanceof Push.LinkMessage m) {
                    received.add(m);
                }
            }

            @Override
            public void onClosed(String reason) {
                first.completeExceptionally(new dev.parley.desktop.net.RelayLinkClosedException(reason));
                received.add(CLOSED);
            }
        };
        RelayLink link;
        try {
            link = connector.connect(relay, listener);
        } catch (IOException e) {
            throw new RelayUnreachableException("cannot reach the relay: " + e.getMessage(), e);
        }
        try {
            return new JoiningLink(link, first.get(link.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS),
                    received, keepAlive);
        } catch (InterruptedException e) {
            link.close();
            Thread.currentThread().interrupt();
            throw new RelayUnreachableException("interrupted while waiting for the relay", e);
        } catch (ExecutionException | TimeoutException e) {
            link.close();
            throw new RelayUnreachableException("relay unreachable: it did not answer", e);
        }
    }

    private static final Object CLOSED = new Object();

    /** The relay's first challenge on this link. */
    public Push.Challenge challenge() {
        return challenge;
    }

    /** Sends a blob on the linking channel ({@code link_send}). */
    public void send(byte[] channel, byte[] blob) throws ServiceException {
        try {
            RelayErrors.successful(link.request(new Request.LinkSend(channel, blob))
                    .get(link.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayUnreachableException("interrupted while waiting for the relay", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RelayUnreachableException("relay unreachable: it did not answer", e);
        }
    }

    /** The next blob the existing device sent on the channel, waiting up to {@code timeout}. */
    public byte[] receive(Duration timeout) throws ServiceException {
        try {
            Object next = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                throw new RelayUnreachableException("the other device did not answer in time");
            }
            if (next == CLOSED) {
                received.add(CLOSED);
                throw new RelayUnreachableException("the relay closed the connection");
            }
            return ((Push.LinkMessage) next).blob();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayUnreachableException("interrupted while waiting for the other device", e);
        }
    }

    @Override
    public void close() {
        keepAlive.shutdownNow();
        link.close();
    }
}
