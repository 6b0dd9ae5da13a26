package dev.parley.relay.cli;

import dev.parley.relay.admin.AdminRequest;
import dev.parley.relay.admin.AdminResponse;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Operator commands for invite codes. They go through the running relay's admin socket, or open the database
 * directly when no relay is running.
 */
@Command(name = "invite", mixinStandardHelpOptions = true,
        description = "Create, list or revoke invite codes. Works while the relay is running (through its admin "
                + "socket in the data directory, as the relay's user) and while it is stopped.",
        subcommands = {InviteCommand.Create.class, InviteCommand.ListInvites.class, InviteCommand.Revoke.class})
final class InviteCommand {

    static class DataDir {
        @Option(names = "--data-dir", description = "The relay's data directory (default: ${DEFAULT-VALUE}).",
                defaultValue = "parley-relay-data")
        Path dataDir;
        @Option(names = "--admin-dir", description = "The running relay's admin directory, when it was started with "
                + "--admin-dir (default: <data-dir>/admin).")
        Path adminDir;
    }

    /** Prints a refusal on stderr and returns the exit code 1, or returns null when {@code response} is not one. */
    static Integer refused(CommandLine.Model.CommandSpec spec, AdminResponse response) {
        if (response instanceof AdminResponse.Failure failure) {
            spec.commandLine().getErr().println("error: " + failure.message());
            return 1;
        }
        return null;
    }

    static <T extends AdminResponse> T expect(AdminResponse response, Class<T> type) {
        if (!type.isInstance(response)) {
            throw new IllegalStateException("the relay answered with an unexpected response");
        }
        return type.cast(response);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create new single-use invite codes and print them.")
    static final class Create implements Callable<Integer> {
        @CommandLine.Mixin
        DataDir dir;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--count", description = "How many codes, 1..1000 (default: ${DEFAULT-VALUE}).", defaultValue = "1")
        int count;

        @Override
        public Integer call() throws Exception {
            if (count < 1 || count > AdminRequest.MAX_INVITES_PER_REQUEST) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--count must be 1.." + AdminRequest.MAX_INVITES_PER_REQUEST);
            }
            AdminResponse response = AdminCall.run(dir.dataDir, dir.adminDir, new AdminRequest.CreateInvites(count));
            Integer refused = refused(spec, response);
            if (refused != null) {
                return refused;
            }
            PrintWriter out = spec.commandLine().getOut();
            expect(response, AdminResponse.InvitesCreated.class).codes().forEach(out::println);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List invite codes and their state.")
    static final class ListInvites implements Callable<Integer> {
        @CommandLine.Mixin
        DataDir dir;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            AdminResponse response = AdminCall.run(dir.dataDir, dir.adminDir, new AdminRequest.ListInvites());
            Integer refused = refused(spec, response);
            if (refused != null) {
                return refused;
            }
            PrintWriter out = spec.commandLine().getOut();
            for (AdminResponse.InviteEntry invite : expect(response, AdminResponse.InviteList.class).invites()) {
                out.println(invite.code() + "  created " + invite.createdAt() + "  " + invite.state());
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an invite code.")
    static final class Revoke implements Callable<Integer> {
        @CommandLine.Mixin
        DataDir dir;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "CODE", description = "The invite code to revoke.")
        String code;

        @Override
        public Integer call() throws Exception {
            AdminRequest request;
            try {
                request = new AdminRequest.RevokeInvite(code);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            AdminResponse response = AdminCall.run(dir.dataDir, dir.adminDir, request);
            Integer refused = refused(spec, response);
            if (refused != null) {
                return refused;
            }
            if (expect(response, AdminResponse.RevokeResult.class).revoked()) {
                spec.commandLine().getOut().println("revoked");
                return 0;
            }
            spec.commandLine().getErr().println("no such unrevoked invite code");
            return 1;
        }
    }
}
