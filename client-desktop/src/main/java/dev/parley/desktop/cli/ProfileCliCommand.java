package dev.parley.desktop.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code profile ...}: the own profile and contacts' (issue #14). */
@Command(name = "profile", description = "Show or change profiles: display name, about line, avatar (shared with contacts only).",
        subcommands = {ProfileSetCommand.class, ProfileShowCommand.class, ProfileNicknameCommand.class})
final class ProfileCliCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a profile command is required (set, show, nickname)");
    }
}
