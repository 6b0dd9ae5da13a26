package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.RelayUnreachableException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.device.HistoryTransfer;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Issue #17: sends (or goes on sending) this profile's history to a new device of the account, printing the progress
 * (messages queued of the total, every 10 percent, on standard error) and waiting until the relay holds every chunk.
 */
final class HistorySending {
    private HistorySending() {
    }

    static ExitCode send(ParleyApp app, int deviceId, PrintWriter out, PrintWriter err, Duration timeout)
            throws ServiceException, InterruptedException {
        RelayWait relay = new RelayWait(app, err, timeout);
        relay.online();
        int[] lastTenth = {-1};
        HistoryTransfer.Status status = app.history().send(deviceId, (sent, total) -> {
            int tenth = total == 0 ? 10 : (int) (10 * sent / total);
            if (tenth != lastTenth[0]) {
                lastTenth[0] = tenth;
                err.println("history: " + sent + " of " + total + " messages queued");
                err.flush();
            }
            return true;
        });
        if (!status.done()) {
            RelayUnreachableException paused = new RelayUnreachableException("the history transfer paused after "
                    + status.messagesSent() + " of " + status.messagesTotal() + " messages (the relay took nothing "
                    + "for a minute); 'send-history " + deviceId + "' goes on from there");
            err.println("parley-cli: " + paused.getMessage());
            return ExitCode.of(paused);
        }
        try {
            if (!relay.drained()) {
                throw new RelayUnreachableException("the relay did not take the whole history within "
                        + timeout.toSeconds() + " s");
            }
        } catch (RelayUnreachableException e) {
            err.println("parley-cli: " + e.getMessage());
            err.println("parley-cli: what is queued is sent by the next command that reaches the relay");
            return ExitCode.of(e);
        }
        out.println("history\t" + status.messagesSent() + "\t" + status.messagesTotal());
        return ExitCode.OK;
    }
}
