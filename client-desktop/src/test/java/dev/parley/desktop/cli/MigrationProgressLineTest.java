package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.MigrationProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Migration progress at unlock in the CLI: on a terminal one rewritten line on standard error ending at 100% and a
 * new line; on anything else (a pipe, a file, a script) nothing at all.
 */
class MigrationProgressLineTest {

    @Test
    void onATerminalOneRewrittenLineEndsAt100() {
        StringWriter out = new StringWriter();
        MigrationProgress progress = MigrationProgressLine.onTerminal(new PrintWriter(out), true);
        report(progress);
        assertThat(out.toString()).isEqualTo("\rupdating the message history...\rupdating the message history 0%"
                + "\rupdating the message history 50%\rupdating the message history 100%" + System.lineSeparator());
    }

    @Test
    void notOnATerminalItPrintsNothing() {
        StringWriter out = new StringWriter();
        MigrationProgress progress = MigrationProgressLine.onTerminal(new PrintWriter(out), false);
        report(progress);
        assertThat(out.toString()).isEmpty();
        // the tests run without a console: what the commands use prints nothing here either
        StringWriter commands = new StringWriter();
        report(MigrationProgressLine.onTerminal(new PrintWriter(commands)));
        assertThat(commands.toString()).isEmpty();
    }

    private static void report(MigrationProgress progress) {
        progress.update("Updating the database", 0, 0);
        progress.update("Updating the search index", 0, 8000);
        progress.update("Updating the search index", 4000, 8000);
        progress.update("Updating the search index", 4001, 8000);
        progress.update("Updating the search index", 8000, 8000);
    }
}
