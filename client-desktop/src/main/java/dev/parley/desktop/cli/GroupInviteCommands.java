package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.StoredGroup;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The invite-link commands of {@code group} (issue #15, docs/protocol.md 1.15.5): {@code link}, {@code join},
 * {@code settings}, {@code approve}, {@code deny}.
 */
final class GroupInviteCommands {
    private GroupInviteCommands() {
    }

    @Command(name = "link", description = {"Print the group's invite link (made if it has none; admins only).",
        "With --revoke the link is turned off: every link made so far stops working."})
    static final class Link extends GroupCommand.Change {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Option(names = "--revoke", description = "Turn the invite link off.")
        boolean revoke;

        private Optional<String> link = Optional.empty();

        @Override
        StoredGroup change(ParleyApp app) throws ServiceException {
            link = app.groups().link(group, revoke);
            return app.groups().find(group);
        }

        @Override
        ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
            StoredGroup changed = change(app);
            ExitCode waited = GroupCommand.await(app, err(), timeoutSeconds, "the change");
            out().println(GroupCommand.line(changed));
            link.ifPresent(l -> out().println("link\t" + l));
            return waited;
        }
    }

    @Command(name = "join", description = {"Ask to join a group with its invite link: group join LINK",
        "The request goes to the admin the link names; you are in once an admin's client adds you."})
    static final class Join extends ProfileCommand {
        @Parameters(index = "0", paramLabel = "LINK")
        String link;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
                description = "How long to wait for the relay (default 30).")
        int timeoutSeconds;

        @Override
        ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
            String title = app.groups().join(link);
            ExitCode waited = GroupCommand.await(app, err(), timeoutSeconds, "the join request");
            out().println("join-requested\t" + Output.escape(title));
            return waited;
        }
    }

    @Command(name = "settings", description = {"Show or set a group's settings (setting: admins only):",
        "--approval on|off (admins approve join requests), --announcements on|off (only admins post).",
        "Prints: settings  APPROVAL|OPEN  ADMINS-POST|EVERYONE-POSTS"})
    static final class Settings extends GroupCommand.Change {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Option(names = "--approval", paramLabel = "on|off")
        String approval;

        @Option(names = "--announcements", paramLabel = "on|off")
        String announcements;

        @Override
        StoredGroup change(ParleyApp app) throws ServiceException {
            if (approval == null && announcements == null) {
                return app.groups().find(group);
            }
            return app.groups().settings(group, onOff("--approval", approval), onOff("--announcements", announcements));
        }

        @Override
        ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
            StoredGroup changed = change(app);
            ExitCode waited = approval == null && announcements == null ? ExitCode.OK
                    : GroupCommand.await(app, err(), timeoutSeconds, "the change");
            out().println(GroupCommand.line(changed));
            out().println(String.join("\t", "settings", changed.state().approvalRequired() ? "APPROVAL" : "OPEN",
                    changed.state().announcementsOnly() ? "ADMINS-POST" : "EVERYONE-POSTS"));
            return waited;
        }

        private static Boolean onOff(String option, String value) throws InvalidInputException {
            if (value == null) {
                return null;
            }
            if (value.equals("on") || value.equals("off")) {
                return value.equals("on");
            }
            throw new InvalidInputException(option + " takes on or off");
        }
    }

    @Command(name = "approve", description = "Approve a join request (admins): the person is added to the group.")
    static final class Approve extends GroupCommand.Change {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Parameters(index = "1", paramLabel = "USERNAME")
        String username;

        @Override
        StoredGroup change(ParleyApp app) throws ServiceException {
            return app.groups().approve(group, username);
        }
    }

    @Command(name = "deny", description = "Deny a join request (admins): it is forgotten, the person is not told.")
    static final class Deny extends ProfileCommand {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Parameters(index = "1", paramLabel = "USERNAME")
        String username;

        @Override
        ExitCode run(ParleyApp app) throws ServiceException {
            app.groups().deny(group, username);
            out().println(GroupCommand.line(app.groups().find(group)));
            return ExitCode.OK;
        }
    }
}
