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
    @Parameters(index = "0", arity = "0..1", paramLabel = "USERNAME",
            description = "3 to 32 of a-z 0-9 . _ - (starting with a letter or digit); not with --link.")
    String username;

    @Option(names = "--link", paramLabel = "CODE", description = {"Join an existing account as a new device (issue #17):",
        "the code or parley://link/ link 'link-device' shows on the other device."})
    String link;

    @Option(names = "--device-name", paramLabel = "NAME", defaultValue = "command line",
            description = "With --link: the name the other device shows (default: ${DEFAULT-VALUE}).")
    String deviceName;

    @Option(names = "--link-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "With --link: how long to wait for the other device (default: ${DEFAULT-VALUE}).")
    int linkTimeoutSeconds;

    @Option(names = "--relay", required = true, paramLabel = "URL", description = "ws://host:port/parley or wss://...")
    String relay;

    @Option(names = "--fingerprint", paramLabel = "SHA256", description = "Pinned SHA-256 certificate fingerprint (wss only).")
    String fingerprint;

    @Override
    boolean createsProfile() {
        return true;
    }

    private RelayAddress address;

    private dev.parley.desktop.service.device.DeviceJoin.Joined joined;

    @Override
    void validate() throws ServiceException {
        address = RelayCommand.parse(relay, fingerprint);
        if ((link == null) == (username == null)) {
            throw new dev.parley.desktop.service.InvalidInputException(
                    "give either USERNAME (a new account) or --link CODE (a new device of an account)");
        }
        if (linkTimeoutSeconds < 1) {
            throw new dev.parley.desktop.service.InvalidInputException("--link-timeout must be at least 1 second");
        }
    }

    @Override
    void create(ParleyApp app, char[] passphrase) throws ServiceException {
        if (link == null) {
            app.account().create(username, address, passphrase);
            return;
        }
        out().println("joining: confirm this device on the other one");
        out().flush();
        joined = app.joinAccount(address, link, deviceName, passphrase, java.time.Duration.ofSeconds(linkTimeoutSeconds));
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        if (joined != null) {
            app.devices().startOwnSessions();
            out().println("linked\t" + joined.username() + "\tdevice " + joined.deviceId() + "\t"
                    + app.account().status().fingerprint());
            return ExitCode.OK;
        }
        out().println("created\t" + app.account().status().username() + "\t" + app.account().status().fingerprint());
        return ExitCode.OK;
    }
}
