package dev.parley.desktop.service.group;

import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.event.GroupStateAskedEvent;
import dev.parley.desktop.event.GroupStateWantedEvent;
import dev.parley.desktop.service.ServiceException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what resynchronisation decided in a batch (issue #15, 1.15.2): a request for a group's state after this
 * profile missed a change, and an admin's answer to a member's request. Runs off the receiving thread (a send may
 * start a session); closing waits briefly for a send under way, so a command-line "listen" finishes it.
 */
public final class GroupResyncWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupResyncWorker.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-group-resync");
        t.setDaemon(true);
        return t;
    });
    private final List<EventBus.Subscription> subscriptions;

    public GroupResyncWorker(EventBus events, GroupResyncSender sender) {
        subscriptions = List.of(
                events.subscribe(GroupStateWantedEvent.class, e -> run(() -> sender.ask(e.conversation(), e.admin()))),
                events.subscribe(GroupStateAskedEvent.class,
                        e -> run(() -> sender.answer(e.conversation(), e.member()))));
    }

    private interface Send {
        void run() throws ServiceException;
    }

    private void run(Send send) {
        worker.execute(() -> {
            try {
                send.run();
            } catch (ServiceException | RuntimeException failure) {
                LOG.warn("cannot send a group resynchronisation message: {}", failure.getClass().getSimpleName());
            }
        });
    }

    @Override
    public void close() {
        subscriptions.forEach(EventBus.Subscription::close);
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
