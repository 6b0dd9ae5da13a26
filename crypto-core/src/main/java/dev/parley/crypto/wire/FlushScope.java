package dev.parley.crypto.wire;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Defers writes made while one unit of work runs on the current thread (typically: handling one incoming WebSocket
 * message, which may carry many frames) and flushes each connection written to once, when the unit ends. Frames the
 * work produces for the same connection therefore leave in one WebSocket message instead of one each, without
 * waiting for a timer: nothing is delayed beyond the end of the work that produced it.
 *
 * <p>Writers call {@link #defer(Flushable)} after queueing a frame: inside a scope it records the writer and returns
 * true (the scope will flush it); outside one it returns false and the writer flushes at once. Writers must keep
 * their own queue ordered and flush everything queued (including frames other threads queued) whenever they flush,
 * so deferring never reorders a connection's frames. Scopes nest: an inner {@link #run} joins the outer one.
 */
public final class FlushScope {
    /** Something with queued frames to write. */
    public interface Flushable {
        /** Writes everything queued; never throws. */
        void flush();
    }

    private static final Logger LOG = LoggerFactory.getLogger(FlushScope.class);
    private static final ThreadLocal<List<Flushable>> CURRENT = new ThreadLocal<>();

    private FlushScope() {
    }

    /** Runs {@code work}, then flushes every writer that deferred to this scope, in the order they first did. */
    public static void run(Runnable work) {
        if (CURRENT.get() != null) {
            work.run();
            return;
        }
        List<Flushable> deferred = new ArrayList<>(4);
        CURRENT.set(deferred);
        try {
            work.run();
        } finally {
            CURRENT.remove();
            for (Flushable writer : deferred) {
                try {
                    writer.flush();
                } catch (RuntimeException e) {
                    // One connection's broken write must not keep the others' frames waiting forever. The warning
                    // names no exception: CLI users see warnings, and a write refused while a client shuts down
                    // (issue #18 item 19) is nothing for them to act on; the details are at debug.
                    LOG.warn("a connection's queued frames could not be written");
                    LOG.debug("deferred flush failure", e);
                }
            }
        }
    }

    /**
     * Records {@code writer} for a flush when the current scope ends.
     *
     * @return true if a scope is open on this thread (the caller must not flush now), false if the caller must flush
     */
    public static boolean defer(Flushable writer) {
        List<Flushable> deferred = CURRENT.get();
        if (deferred == null) {
            return false;
        }
        for (Flushable already : deferred) {
            if (already == writer) {
                return true;
            }
        }
        deferred.add(writer);
        return true;
    }
}
