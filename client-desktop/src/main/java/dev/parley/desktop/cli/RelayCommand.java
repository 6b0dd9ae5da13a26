package dev.parley.desktop.cli;

import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.service.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code relay ...}: the profile's relay. */
@Command(name = "relay", description = "Show or change the profile's relay.", subcommands = RelaySetCommand.class)
final class RelayCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a relay command is required (set)");
    }

    /** Parses a relay address as given on the command line. */
    static RelayAddress parse(String uri, String fingerprint) throws InvalidInputException {
        try {
            return RelayAddress.parse(uri, fingerprint);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}
