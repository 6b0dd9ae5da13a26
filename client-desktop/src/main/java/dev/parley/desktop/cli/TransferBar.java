package dev.parley.desktop.cli;

import dev.parley.desktop.service.AttachmentService.TransferProgress;
import java.io.PrintWriter;

/** Transfer progress as one rewritten line on standard error, only when the CLI runs on a terminal. */
final class TransferBar implements TransferProgress {
    private final PrintWriter err;
    private final String verb;
    private int lastPercent = -1;

    private TransferBar(PrintWriter err, String verb) {
        this.err = err;
        this.verb = verb;
    }

    static TransferProgress onTerminal(PrintWriter err, String verb) {
        return System.console() == null ? TransferProgress.NONE : new TransferBar(err, verb);
    }

    @Override
    public void progress(long doneBytes, long totalBytes) {
        int percent = totalBytes == 0 ? 100 : (int) (100 * doneBytes / totalBytes);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        err.print("\r" + verb + " " + percent + "% (" + doneBytes + " of " + totalBytes + " bytes)");
        if (percent == 100) {
            err.println();
        }
        err.flush();
    }
}
