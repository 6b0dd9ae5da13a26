package dev.parley.desktop.service.messaging;

import dev.parley.desktop.service.MessageActionsService;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.threads.BackgroundThreads;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes expired disappearing messages on its own thread (never the UI thread): once when the profile is unlocked
 * (so messages that expired while Parley was closed go at once) and then every {@code period}. On the same thread and
 * schedule it removes what is left of deleted conversations ({@link DeletedConversationRemoval}: an erase a quit or a
 * crash cut short goes on at the next unlock) and then runs {@code afterConversationRemoval} (the attachment files of
 * the removed rows go then).
 */
public final class DisappearingSweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DisappearingSweeper.class);

    private final MessageActionsService actions;
    private final DeletedConversationRemoval conversations;
    private final Runnable afterConversationRemoval;
    static final String THREAD_NAME = "parley-disappearing-sweep";
    private final ScheduledExecutorService executor;

    public DisappearingSweeper(MessageActionsService actions, DeletedConversationRemoval conversations,
                               Runnable afterConversationRemoval, Duration period) {
        this.actions = actions;
        this.conversations = conversations;
        this.afterConversationRemoval = afterConversationRemoval;
        // below the UI thread's priority (nice 10): nobody waits for a sweep, and the UI thread must not wait for a core
        this.executor = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named(THREAD_NAME));
        executor.scheduleWithFixedDelay(this::sweep, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            int removed = actions.sweepExpired();
            if (removed > 0) {
                LOG.info("removed {} expired messages", removed);
            }
        } catch (ServiceException | RuntimeException e) {
            LOG.warn("removing expired messages failed ({}); retrying at the next sweep", e.getClass().getSimpleName());
        }
        try {
            int removed = conversations.removePending(() -> !executor.isShutdown());
            if (removed > 0) {
                LOG.info("removed {} messages of deleted conversations", removed);
                afterConversationRemoval.run();
            }
        } catch (ServiceException | RuntimeException e) {
            LOG.warn("removing deleted conversations failed ({}); retrying at the next sweep",
                    e.getClass().getSimpleName());
        }
    }

    /** Stops sweeping; waits for a sweep in progress to finish its transaction (never interrupts it). */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("a sweep of expired messages did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
