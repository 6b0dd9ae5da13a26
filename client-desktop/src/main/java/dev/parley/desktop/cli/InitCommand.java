package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.service.ServiceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "init", description = {"Create a new profile for USERNAME on a relay (keys, encrypted database).",
    "Nothing is sent to the relay until 'register'. Prints the identity key fingerprint."})
final class InitCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "USERNAME", description = "3 to 32 of a-z 0-9 . _ - (starting with a letter or digit).")
    String username;

    @Option(names = "--relay", required = true, paramLabel = "URL", description = "ws://host:port/parley or wss://...")
    String relay;

    @Option(names = "--fingerprint", paramLabel = "SHA256", description = "Pinned SHA-256 certificate fingerprint (wss only).")
    String fingerprint;

    @Override
    boolean createsProfile() {
        return true;
    }

    private RelayAddress address;

    @Override
    void validate() throws ServiceException {
        address = RelayCommand.parse(relay, fingerprint);
    }

    @Override
    void create(ParleyApp app, char[] passphrase) throws ServiceException {
        app.account().create(username, address, passphrase);
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        out().println("created\t" + app.account().status().username() + "\t" + app.account().status().fingerprint());
        return ExitCode.OK;
    }
}
