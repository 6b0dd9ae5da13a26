package dev.parley.relay.cli;

import dev.parley.relay.store.H2Database;
import dev.parley.relay.store.Invite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Operator commands for invite codes. They open the database directly, so the relay must be stopped. */
@Command(name = "invite", mixinStandardHelpOptions = true,
        description = "Create, list or revoke invite codes (stop the relay first: the database is locked while it runs).",
        subcommands = {InviteCommand.Create.class, InviteCommand.ListInvites.class, InviteCommand.Revoke.class})
final class InviteCommand {

    static class DataDir {
        @Option(names = "--data-dir", description = "The relay's data directory (default: ${DEFAULT-VALUE}).",
                defaultValue = "parley-relay-data")
        Path dataDir;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create new single-use invite codes and print them.")
    static final class Create implements Callable<Integer> {
        @CommandLine.Mixin
        DataDir dir;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--count", description = "How many codes (default: ${DEFAULT-VALUE}).", defaultValue = "1")
        int count;

        @Override
        public Integer call() throws Exception {
            SecureRandom random = new SecureRandom();
            PrintWriter out = spec.commandLine().getOut();
            try (H2Database db = H2Database.open(dir.dataDir)) {
                for (int i = 0; i < count; i++) {
                    byte[] bytes = new byte[15];
                    random.nextBytes(bytes);
                    String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                    db.accounts().addInvite(code, Instant.now());
                    out.println(code);
                }
            }
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
            PrintWriter out = spec.commandLine().getOut();
            try (H2Database db = H2Database.open(dir.dataDir)) {
                for (Invite invite : db.accounts().invites()) {
                    String state = invite.revoked() ? "revoked" : invite.usedAt().map(t -> "used " + t).orElse("unused");
                    out.println(invite.code() + "  created " + invite.createdAt() + "  " + state);
                }
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
            try (H2Database db = H2Database.open(dir.dataDir)) {
                if (db.accounts().revokeInvite(code)) {
                    spec.commandLine().getOut().println("revoked");
                    return 0;
                }
                spec.commandLine().getErr().println("no such unrevoked invite code");
                return 1;
            }
        }
    }
}
