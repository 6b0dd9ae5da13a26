package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.RelayUnreachableException;
import dev.parley.desktop.service.ServiceException;
import java.io.PrintWriter;
import java.time.Duration;

/** Waits until the relay stored what a command queued; if it cannot, says it stays queued (exit 4). */
final class RelayConfirmation {
    private RelayConfirmation() {
    }

    /** @return OK once the outbox is flushed, else the exit code of the failure (already reported on {@code err}) */
    static ExitCode await(ParleyApp app, PrintWriter err, int timeoutSeconds, String what)
            throws ServiceException, InterruptedException {
        RelayWait relay = new RelayWait(app, err, Duration.ofSeconds(timeoutSeconds));
        try {
            relay.online();
            if (!relay.drained()) {
                throw new RelayUnreachableException("the relay did not confirm the " + what + " within " + timeoutSeconds + " s");
            }
        } catch (RelayUnreachableException e) {
            err.println("parley-cli: " + e.getMessage());
            err.println("parley-cli: the " + what + " is queued; the next command that reaches the relay sends it");
            return ExitCode.of(e);
        }
        return ExitCode.OK;
    }
}
