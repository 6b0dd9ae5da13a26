package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.service.ConnectionService;
import dev.parley.desktop.service.ServiceException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "listen", description = {"Print incoming messages as they arrive, until stopped (Ctrl+C, SIGTERM);",
    "with --once: until the relay's queue is drained.",
    "Format: contact<TAB>INCOMING<TAB>state<TAB>sent-at<TAB>id<TAB>text (tab, newline, backslash escaped)."})
final class ListenCommand extends ProfileCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ListenCommand.class);
    private static final int CLOSE_WAIT_SECONDS = 10;

    @Option(names = "--once", description = "Exit once the relay's queue for this profile is drained.")
    boolean once;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "With --once: how long to wait for the relay (default 60).")
    int timeoutSeconds;

    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
        try (EventBus.Subscription subscription = app.events().subscribe(MessageReceivedEvent.class, e -> {
            synchronized (this) {
                out().println(Output.message(e.message()));
                out().flush();
            }
        })) {
            if (once) {
                RelayWait relay = new RelayWait(app, err(), Duration.ofSeconds(timeoutSeconds));
                relay.online();
                if (!relay.drained()) {
                    throw new dev.parley.desktop.service.RelayUnreachableException(
                            "the relay did not deliver its queue within " + timeoutSeconds + " s");
                }
                return ExitCode.OK;
            }
            app.connection().start();
            CountDownLatch stopped = new CountDownLatch(1);
            ConnectionService connection = app.connection();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                connection.stop();
                stopped.countDown();
                awaitClosed();
            }, "parley-cli-shutdown"));
            stopped.await();
            return ExitCode.OK;
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
