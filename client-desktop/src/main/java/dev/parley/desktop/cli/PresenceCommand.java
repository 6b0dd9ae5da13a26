package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ContactPresence;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.PresenceService;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.PresenceVisibility;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "presence", description = {
    "Each contact's presence, one line each: 'USER online', 'USER last seen TIME' (UTC) or 'USER offline' (never",
    "seen). Connects, tells contacts this profile is online, waits --wait seconds for them to answer, and tells them",
    "it went offline on exit. '--share nobody' stops sharing presence, and then no one's is shown ('USER hidden')."})
final class PresenceCommand extends ProfileCommand {
    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "3",
            description = "How long to wait for contacts to answer (default 3).")
    int waitSeconds;

    @Option(names = "--share", paramLabel = "contacts|nobody",
            description = "Change who sees this profile's presence (and whether it sees anyone's).")
    String share;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "How long to wait for the relay (default 30).")
    int timeoutSeconds;

    @Override
    void validate() throws ServiceException {
        if (waitSeconds < 0 || waitSeconds > 600) {
            throw new InvalidInputException("--wait must be 0 to 600 seconds");
        }
        if (share != null) {
            visibility();
        }
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
        PresenceService presence = app.presence();
        if (share != null) {
            presence.setVisibility(visibility());
        }
        if (presence.visibility() == PresenceVisibility.CONTACTS) {
            presence.start();
            new RelayWait(app, err(), Duration.ofSeconds(Math.max(1, timeoutSeconds))).online();
            Thread.sleep(waitSeconds * 1000L);
        }
        for (ContactPresence p : presence.contacts()) {
            out().println(p.username() + " " + describe(p));
        }
        return ExitCode.OK;
    }

    private static String describe(ContactPresence p) {
        return switch (p.status()) {
            case ONLINE -> "online";
            case HIDDEN -> "hidden";
            case OFFLINE -> p.lastSeen().map(t -> "last seen " + t.truncatedTo(ChronoUnit.SECONDS)).orElse("offline");
        };
    }

    private PresenceVisibility visibility() throws InvalidInputException {
        try {
            return PresenceVisibility.valueOf(share.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--share must be 'contacts' or 'nobody'");
        }
    }
}
