package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.service.ServiceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "set", description = {"Change the profile's relay address and its pinned certificate fingerprint,",
    "for example after the relay moved or rotated its certificate. The account and its keys stay; the relay must",
    "already know the username (the same relay at a new address, or 'register' again on a new relay)."})
final class RelaySetCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "ADDRESS", description = "ws://host:port/parley or wss://...")
    String relay;

    @Option(names = "--fingerprint", paramLabel = "SHA256", description = "Pinned SHA-256 certificate fingerprint (wss only).")
    String fingerprint;

    private RelayAddress address;

    @Override
    void validate() throws ServiceException {
        address = RelayCommand.parse(relay, fingerprint);
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        app.account().changeRelay(address);
        out().println("relay\t" + address.uri() + address.certificate().map(pin -> "\t" + pin).orElse(""));
        return ExitCode.OK;
    }
}
