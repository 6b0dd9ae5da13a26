package dev.parley.desktop.cli;

import dev.parley.crypto.wire.Push;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.net.ConnectionState;
import dev.parley.desktop.net.ConnectionStatus;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.net.RelayLink;
import dev.parley.desktop.net.RelayLinkListener;
import dev.parley.desktop.service.RelayUnreachableException;
import dev.parley.desktop.service.ServiceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * How a command waits for the relay: it starts the connection, gives up as soon as the first attempt fails (a refused
 * connection is reported at once, with the reason; the outbox is flushed by the next command that connects) and prints
 * one progress line on stderr when the wait passes {@link #SLOW}.
 */
final class RelayWait {
    static final Duration SLOW = Duration.ofSeconds(2);
    private static final long SLICE_MILLIS = 50;

    private final ParleyApp app;
    private final PrintWriter err;
    private final long started = System.nanoTime();
    private final long deadline;
    private boolean noticed;

    RelayWait(ParleyApp app, PrintWriter err, Duration timeout) {
        this.app = app;
        this.err = err;
        this.deadline = started + timeout.toNanos();
    }

    /**
     * Connects and waits until logged in.
     *
     * @throws RelayUnreachableException when the first attempt fails (its cause says why) or at the deadline
     */
    void online() throws ServiceException, InterruptedException {
        app.connection().start();
        while (true) {
            ConnectionState state = app.connection().state().get();
            if (state.status() == ConnectionStatus.ONLINE) {
                return;
            }
            if (state.status() == ConnectionStatus.RECONNECTING) {
                throw failure();
            }
            if (expired()) {
                throw new RelayUnreachableException(RelayFailures.describe(relay(), new java.util.concurrent.TimeoutException()));
            }
            notice();
            Thread.sleep(SLICE_MILLIS);
        }
    }

    /** After {@link #online()}: waits until the relay's queue is delivered and the outbox flushed; false at the deadline. */
    boolean drained() throws ServiceException, InterruptedException {
        while (!drainedWithin(Duration.ofMillis(SLICE_MILLIS * 4))) {
            if (expired()) {
                return false;
            }
        }
        return true;
    }

    /** One slice of {@link #drained()}: true if drained within {@code slice}; prints the progress line when due. */
    boolean drainedWithin(Duration slice) throws ServiceException, InterruptedException {
        if (app.connection().awaitDrained(slice)) {
            return true;
        }
        notice();
        return false;
    }

    boolean expired() {
        return System.nanoTime() - deadline >= 0;
    }

    /** Prints the progress line once the command has waited longer than {@link #SLOW}. */
    void notice() throws ServiceException {
        if (!noticed && System.nanoTime() - started > SLOW.toNanos()) {
            noticed = true;
            err.println("parley-cli: waiting for the relay at " + relay().uri() + " ...");
            err.flush();
        }
    }

    /** Why the first attempt failed: one direct connection attempt tells a refused port from a certificate mismatch. */
    private RelayUnreachableException failure() throws ServiceException {
        RelayAddress relay = relay();
        try (RelayLink probe = app.config().connector().connect(relay, IGNORE)) {
            String reason = app.connection().state().get().lastError().orElse("the login failed");
            return new RelayUnreachableException("the relay at " + relay.uri() + " is reachable but the login failed (" + reason + ")");
        } catch (IOException e) {
            return new RelayUnreachableException(RelayFailures.describe(relay, e), e);
        }
    }

    private RelayAddress relay() throws ServiceException {
        return app.account().status().relay();
    }

    private static final RelayLinkListener IGNORE = new RelayLinkListener() {
        @Override
        public void onPush(Push push) {
        }

        @Override
        public void onClosed(String reason) {
        }
    };
}
