package dev.parley.desktop.service.group;

import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.event.GroupJoinRequestedEvent;
import dev.parley.desktop.service.ServiceException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An admin's client admitting join requests by itself (issue #15, 1.15.5): after a verified request was stored for a
 * group whose admins do not approve requests, the person is added (a signed ADD change, like "group add"). Runs off
 * the receiving thread (adding may start sessions over the relay); closing waits briefly for an addition under way,
 * so a command-line "listen" that received a request finishes admitting it.
 */
public final class JoinApprover implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JoinApprover.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-join-approver");
        t.setDaemon(true);
        return t;
    });
    private final EventBus.Subscription subscription;

    public JoinApprover(EventBus events, DefaultGroupService groups) {
        subscription = events.subscribe(GroupJoinRequestedEvent.class, e -> worker.execute(() -> {
            try {
                int added = groups.admitWaiting(e.conversation());
                if (added > 0) {
                    LOG.info("admitted {} join request(s)", added);
                }
            } catch (ServiceException | RuntimeException failure) {
                LOG.warn("cannot admit a join request: {}", failure.getClass().getSimpleName());
            }
        }));
    }

    @Override
    public void close() {
        subscription.close();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
        }
    }
}
