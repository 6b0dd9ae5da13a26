package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.net.ConnectionStatus;
import dev.parley.desktop.service.ConnectionService;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ListenFeed;
import dev.parley.desktop.service.RelayUnreachableException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "listen", description = {"Print incoming messages as they arrive, until stopped (Ctrl+C, SIGTERM);",
    "with --once: until the relay's queue is drained.",
    "Each incoming message is printed once, also across crashes: messages stored but not yet printed (by a listen",
    "that was killed, or picked up by another command) are printed first.",
    "Format: contact<TAB>INCOMING<TAB>state<TAB>sent-at<TAB>id<TAB>text (tab, newline, backslash escaped).",
    "A message edited or deleted for everyone after it was printed is printed again (current text) with its records;",
    "a reaction to a printed message or to one of yours prints reaction<TAB>id<TAB>who<TAB>emoji (emoji empty: removed)."})
final class ListenCommand extends ProfileCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ListenCommand.class);
    private static final int CLOSE_WAIT_SECONDS = 10;
    /** Messages printed per flush and cursor commit. */
    static final int BATCH = 100;
    private static final long IDLE_WAIT_MILLIS = 500;

    @Option(names = "--once", description = "Exit once the relay's queue for this profile is drained.")
    boolean once;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "With --once: how long to wait for the relay (default 60).")
    int timeoutSeconds;

    private final CountDownLatch closed = new CountDownLatch(1);
    private final Object arrivals = new Object();
    private volatile boolean stopping;

    @Override
    void validate() throws ServiceException {
        if (timeoutSeconds < 1) {
            throw new InvalidInputException("--timeout must be at least 1 second");
        }
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
        try (EventBus.Subscription subscription = app.events().subscribe(MessageReceivedEvent.class, e -> wake())) {
            return once ? untilDrained(app) : untilStopped(app);
        }
    }

    private ExitCode untilDrained(ParleyApp app) throws ServiceException, InterruptedException {
        RelayWait relay = new RelayWait(app, err(), Duration.ofSeconds(timeoutSeconds));
        printUnprinted(app.listenFeed(), app.attachments());
        relay.online();
        while (true) {
            printUnprinted(app.listenFeed(), app.attachments());
            if (relay.drainedWithin(Duration.ofMillis(200))) {
                printUnprinted(app.listenFeed(), app.attachments());
                return ExitCode.OK;
            }
            if (relay.expired()) {
                throw new RelayUnreachableException("the relay did not deliver its queue within " + timeoutSeconds + " s");
            }
        }
    }

    private ExitCode untilStopped(ParleyApp app) throws ServiceException, InterruptedException {
        ConnectionService connection = app.connection();
        dev.parley.desktop.service.PresenceService presence = app.presence();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            presence.close();
            connection.stop();
            wake();
            awaitClosed();
        }, "parley-cli-shutdown"));
        presence.start();
        connection.start();
        boolean reported = false;
        while (!stopping) {
            printUnprinted(app.listenFeed(), app.attachments());
            ConnectionStatus status = connection.state().get().status();
            if (status == ConnectionStatus.RECONNECTING && !reported && !stopping) {
                err().println("parley-cli: cannot reach the relay at " + app.account().status().relay().uri()
                        + "; retrying in the background");
                err().flush();
                reported = true;
            } else if (status == ConnectionStatus.ONLINE) {
                reported = false;
            }
            synchronized (arrivals) {
                arrivals.wait(IDLE_WAIT_MILLIS);
            }
        }
        return ExitCode.OK;
    }

    /** Prints everything stored and not yet printed: each batch is flushed before the cursor moves past it. */
    private void printUnprinted(ListenFeed feed, dev.parley.desktop.service.AttachmentService files)
            throws ServiceException {
        List<Message> batch;
        while (!(batch = feed.unprinted(BATCH)).isEmpty()) {
            java.util.Map<dev.parley.desktop.storage.MessageId, dev.parley.desktop.storage.Attachment> attached =
                    new java.util.HashMap<>();
            for (dev.parley.desktop.storage.Attachment a : files.attachments(
                    batch.stream().map(Message::messageId).toList())) {
                attached.put(a.messageId(), a);
            }
            for (Message message : batch) {
                out().println(Output.message(message));
                Output.changes(message).forEach(out()::println);
                if (attached.containsKey(message.messageId())) {
                    out().println(Output.attachment(attached.get(message.messageId())));
                }
            }
            out().flush();
            feed.markPrinted(batch.get(batch.size() - 1));
        }
        printChanges(feed);
    }

    /**
     * Prints what happened to messages after they were printed: a late edit or delete for everyone prints the
     * message's line again (its current text) with its records; a reaction prints {@code reaction  id  who  emoji}
     * (emoji empty when it was removed). A message deleted here meanwhile is skipped.
     */
    private void printChanges(ListenFeed feed) throws ServiceException {
        List<ListenFeed.Change> changes;
        while (!(changes = feed.unprintedChanges(BATCH)).isEmpty()) {
            for (ListenFeed.Change c : changes) {
                if (c.message().isEmpty()) {
                    continue;
                }
                if (c.change().kind() == dev.parley.desktop.storage.ListenChange.Kind.REACTION) {
                    out().println(String.join("\t", "reaction", c.change().messageId().value(),
                            Output.escape(c.change().reactor()),
                            c.change().emoji() == null ? "" : Output.escape(c.change().emoji())));
                } else {
                    out().println(Output.message(c.message().get()));
                    Output.changes(c.message().get()).forEach(out()::println);
                }
            }
            out().flush();
            feed.markChangesPrinted(changes.get(changes.size() - 1));
        }
    }

    private void wake() {
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
    }

    /** Lets the shutdown hook wait until the profile is closed, so that an interrupted listen never cuts a write short. */
    @Override
    void afterClose() {
        closed.countDown();
    }

    private void awaitClosed() {
        try {
            if (!closed.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("the profile did not close within {} s of the stop signal", CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
