package dev.parley.desktop.cli;

import dev.parley.desktop.profile.BackupProgress;
import java.io.PrintWriter;

/** Backup progress as one rewritten line on standard error, only on a terminal. */
final class BackupProgressBar implements BackupProgress {
    private final PrintWriter err;
    private final String verb;
    private String last = "";

    private BackupProgressBar(PrintWriter err, String verb) {
        this.err = err;
        this.verb = verb;
    }

    static BackupProgress onTerminal(PrintWriter err, String verb) {
        return System.console() == null ? BackupProgress.NONE : new BackupProgressBar(err, verb);
    }

    @Override
    public void progress(Phase phase, long done, long total) {
        int percent = total <= 0 ? 100 : (int) Math.min(100, 100 * done / total);
        String line = "\r" + verb + " " + (phase == Phase.DATABASE ? "messages and settings" : "attachments") + " "
                + percent + "%";
        if (line.equals(last)) {
            return;
        }
        last = line;
        err.print(line);
        if (percent == 100) {
            err.println();
        }
        err.flush();
    }
}
