package dev.parley.relay.cli;

import dev.parley.relay.store.H2Database;
import dev.parley.relay.store.Invite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints what the data directory holds. For a running relay, read {@code GET /metrics} instead. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Show accounts, queued messages and invite codes of a stopped relay's data directory "
                + "(a running relay reports live figures at GET /metrics).")
final class StatsCommand implements Callable<Integer> {
    @Option(names = "--data-dir", description = "The relay's data directory (default: ${DEFAULT-VALUE}).",
            defaultValue = "parley-relay-data")
    Path dataDir;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (H2Database db = H2Database.open(dataDir)) {
            out.println("accounts:        " + db.accounts().accountCount());
            out.println("queued messages: " + db.blobs().totalQueued());
            out.println("queued bytes:    " + db.blobs().totalQueuedBytes());
            out.println("usable invites:  " + db.accounts().invites().stream().filter(Invite::usable).count());
        }
        return 0;
    }
}
