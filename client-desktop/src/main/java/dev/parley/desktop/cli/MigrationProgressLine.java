package dev.parley.desktop.cli;

import dev.parley.desktop.storage.MigrationProgress;
import java.io.PrintWriter;

/**
 * The update of a profile written by an older Parley, while a command unlocks it: one rewritten line on standard
 * error ("updating the message history 45%"), only on a terminal, so scripts and pipes see nothing of it.
 */
final class MigrationProgressLine implements MigrationProgress {
    private final PrintWriter err;
    private String last = "";

    private MigrationProgressLine(PrintWriter err) {
        this.err = err;
    }

    static MigrationProgress onTerminal(PrintWriter err) {
        return onTerminal(err, System.console() != null);
    }

    static MigrationProgress onTerminal(PrintWriter err, boolean terminal) {
        return terminal ? new MigrationProgressLine(err) : MigrationProgress.NONE;
    }

    @Override
    public void update(String step, long done, long total) {
        String line = "\rupdating the message history"
                + (total <= 0 ? "..." : " " + (int) Math.max(0, Math.min(100, done * 100 / total)) + "%");
        if (line.equals(last)) {
            return;
        }
        last = line;
        err.print(line);
        if (total > 0 && done >= total) {
            err.println();
        }
        err.flush();
    }
}
