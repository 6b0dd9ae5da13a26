package dev.parley.desktop.cli;

import dev.parley.crypto.group.GroupMember;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.RelayUnreachableException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.StoredGroup;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code group ...} (issue #15): create, list, info, add, remove, admin, leave, rename. A group is named by its id or
 * by its title when no other group has it. Changes print the group line afterwards:
 * {@code group  ID  TITLE  REVISION  MEMBERS  ACTIVE|LEFT}; {@code info} adds {@code member  USERNAME  ROLE} lines
 * and, for the admin join requests went to, {@code request  USERNAME}. Invite links: {@link GroupInviteCommands}.
 */
@Command(name = "group", description = "Groups: create, list, info, add, remove, admin, leave, rename, link, join, "
        + "settings, approve, deny.",
        subcommands = {GroupCommand.Create.class, GroupCommand.ListGroups.class, GroupCommand.Info.class,
            GroupCommand.Add.class, GroupCommand.Remove.class, GroupCommand.Admin.class, GroupCommand.Leave.class,
            GroupCommand.Rename.class,
            GroupInviteCommands.Link.class, GroupInviteCommands.Join.class, GroupInviteCommands.Settings.class,
            GroupInviteCommands.Approve.class, GroupInviteCommands.Deny.class})
final class GroupCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a group command is required (create, list, info, add, remove, admin, leave, rename, link, join, "
                        + "settings, approve, deny)");
    }

    static String line(StoredGroup group) {
        return String.join("\t", "group", group.state().id().hex(), Output.escape(group.state().title()),
                Long.toString(group.state().revision()), Integer.toString(group.state().members().size()),
                group.active() ? "ACTIVE" : group.removed() ? "REMOVED" : "LEFT");
    }

    static String member(GroupMember member) {
        return String.join("\t", "member", member.username(), member.role().name());
    }

    /** A command that changes a group and waits until the relay stored what it sent. */
    abstract static class Change extends ProfileCommand {
        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
                description = "How long to wait for the relay (default 30).")
        int timeoutSeconds;

        @Override
        void validate() throws ServiceException {
            if (timeoutSeconds < 1) {
                throw new InvalidInputException("--timeout must be at least 1 second");
            }
        }

        abstract StoredGroup change(ParleyApp app) throws ServiceException;

        @Override
        ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
            StoredGroup group = change(app);
            ExitCode waited = await(app, err(), timeoutSeconds, "the change");
            out().println(line(group));
            return waited;
        }
    }

    /** Waits for the relay to store what was queued; a timeout leaves it queued (exit 4). */
    static ExitCode await(ParleyApp app, PrintWriter err, int timeoutSeconds, String what)
            throws ServiceException, InterruptedException {
        RelayWait relay = new RelayWait(app, err, Duration.ofSeconds(timeoutSeconds));
        try {
            relay.online();
            if (!relay.drained()) {
                throw new RelayUnreachableException("the relay did not confirm " + what + " within " + timeoutSeconds
                        + " s");
            }
            return ExitCode.OK;
        } catch (RelayUnreachableException e) {
            err.println("parley-cli: " + e.getMessage());
            err.println("parley-cli: it is queued; the next command that reaches the relay sends it");
            return ExitCode.of(e);
        }
    }

    @Command(name = "create", description = "Create a group with you as its admin: group create TITLE MEMBER...")
    static final class Create extends Change {
        @Parameters(index = "0", paramLabel = "TITLE")
        String title;

        @Parameters(index = "1..*", paramLabel = "MEMBER", arity = "0..*")
        List<String> members;

        @Override
        StoredGroup change(ParleyApp app) throws ServiceException {
            return app.groups().create(title, members == null ? List.of() : members);
        }
    }

    @Command(name = "list", description = "List your groups, one group line each (LEFT: you are no longer a member).")
    static final class ListGroups extends ProfileCommand {
        @Override
        ExitCode run(ParleyApp app) throws ServiceException {
            for (StoredGroup group : app.groups().list()) {
                out().println(line(group));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "info", description = "Show a group: its group line, then one member line per member.")
    static final class Info extends ProfileCommand {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Override
        ExitCode run(ParleyApp app) throws ServiceException {
            StoredGroup found = app.groups().find(group);
            out().println(line(found));
            found.state().members().forEach(m -> out().println(member(m)));
            if (found.active()) {
                app.groups().joinRequests(group).forEach(r -> out().println("request\t" + r.username()));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "add", description = "Add members (admins only): group add GROUP MEMBER...")
    static final class Add extends Change {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Parameters(index = "1..*", paramLabel = "MEMBER", arity = "1..*")
        List<String> members;

        @Override
        StoredGroup change(ParleyApp app) throws ServiceException {
            return app.groups().add(group, members);
        }
    }

    @Command(name = "remove", description = {"Remove members (admins only): group remove GROUP MEMBER...",
        "Every remaining member starts a new sender key, so the removed ones read nothing sent afterwards."})
    static final class Remove extends Change {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Parameters(index = "1..*", paramLabel = "MEMBER", arity = "1..*")
        List<String> members;

        @Override
        StoredGroup change(ParleyApp app) throws ServiceException {
            return app.groups().remove(group, members);
        }
    }

    @Command(name = "admin", description = "Make a member an admin, or with --revoke a member again (admins only).")
    static final class Admin extends Change {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Parameters(index = "1", paramLabel = "MEMBER")
        String member;

        @Option(names = "--revoke", description = "Take the admin role away.")
        boolean revoke;

        @Override
        StoredGroup change(ParleyApp app) throws ServiceException {
            return app.groups().admin(group, member, revoke);
        }
    }

    @Command(name = "leave", description = "Leave a group (its history stays readable).")
    static final class Leave extends Change {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Override
        StoredGroup change(ParleyApp app) throws ServiceException {
            return app.groups().leave(group);
        }
    }

    @Command(name = "rename", description = "Rename a group (admins only): group rename GROUP TITLE")
    static final class Rename extends Change {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Parameters(index = "1", paramLabel = "TITLE")
        String title;

        @Override
        StoredGroup change(ParleyApp app) throws ServiceException {
            return app.groups().rename(group, title);
        }
    }
}
