package dev.parley.relay.cli;

import dev.parley.relay.admin.AdminRequest;
import dev.parley.relay.admin.AdminResponse;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints what the data directory holds, asking the running relay when there is one. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Show accounts, queued messages and invite codes. Works while the relay is running (through "
                + "its admin socket in the data directory, as the relay's user) and while it is stopped; "
                + "live traffic counters are at GET /metrics.")
final class StatsCommand implements Callable<Integer> {
    @Option(names = "--data-dir", description = "The relay's data directory (default: ${DEFAULT-VALUE}).",
            defaultValue = "parley-relay-data")
    Path dataDir;
    @Option(names = "--admin-dir", description = "The running relay's admin directory, when it was started with "
            + "--admin-dir (default: <data-dir>/admin).")
    Path adminDir;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AdminResponse response = AdminCall.run(dataDir, adminDir, new AdminRequest.Stats());
        Integer refused = InviteCommand.refused(spec, response);
        if (refused != null) {
            return refused;
        }
        AdminResponse.StatsReport stats = InviteCommand.expect(response, AdminResponse.StatsReport.class);
        PrintWriter out = spec.commandLine().getOut();
        out.println("accounts:        " + stats.accounts());
        out.println("queued messages: " + stats.queuedMessages());
        out.println("queued bytes:    " + stats.queuedBytes());
        out.println("usable invites:  " + stats.usableInvites());
        return 0;
    }
}
