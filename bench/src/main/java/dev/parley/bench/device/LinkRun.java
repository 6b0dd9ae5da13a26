package dev.parley.bench.device;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.event.ConnectionChangedEvent;
import dev.parley.desktop.event.ContactChangedEvent;
import dev.parley.desktop.net.ConnectionStatus;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.service.device.DeviceLinker;
import dev.parley.bench.group.ClientProfiles;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Links a new device to an existing one through the real services, as {@code link-device} on the existing device and
 * {@code init --link CODE} on the new one do (a user who types the code and confirms at once), and takes the moments
 * of {@link Timeline} on the way: {@code start}, {@code channel} (credential and linking channel ready),
 * {@code offered} (key exchange done, the name shown), {@code profile} (the new device made its profile from the
 * sealed account), {@code joined} (registered), {@code confirmed} (the existing device's confirm returned), then on
 * the new device {@code online} (first sign-in) and {@code contact:NAME} (a contact arrived with the account state).
 */
final class LinkRun {
    static final Duration WAIT = Duration.ofSeconds(120);

    private LinkRun() {
    }

    /** The linked device, signed in, with its id. */
    record Linked(ParleyApp app, int deviceId) {
    }

    static Linked link(ParleyApp existing, ParleyApp joining, RelayAddress relay, String deviceName, Timeline t)
            throws Exception {
        joining.events().subscribe(ConnectionChangedEvent.class, e -> {
            if (e.state().status() == ConnectionStatus.ONLINE) {
                t.mark("online");
            }
        });
        joining.events().subscribe(ContactChangedEvent.class, e -> t.mark("contact:" + e.contact().username()));
        t.mark("start");
        DeviceLinker linker = existing.devices().linker();
        DeviceLinker.Session session = linker.start();
        t.mark("channel");
        CompletableFuture<Integer> joined = CompletableFuture.supplyAsync(() -> {
            try {
                int id = joining.joinAccount(relay, session.code().shortCode(), deviceName,
                        ClientProfiles.PASSPHRASE.clone(), WAIT).deviceId();
                t.mark("joined");
                joining.connection().start();
                joining.devices().startOwnSessions();
                return id;
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        String shown = linker.awaitDevice(session, WAIT);
        t.mark("offered");
        if (!shown.equals(deviceName)) {
            throw new IllegalStateException("the existing device shows another name");
        }
        Thread watcher = new Thread(() -> {
            // the provisioning step ends when the new device made its profile (joinAccount creates and unlocks it)
            while (!joined.isDone() && !joining.account().isUnlocked()) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
            t.mark("profile");
        }, "bench-profile-watcher");
        watcher.start();
        int deviceId = linker.confirm(session, WAIT);
        t.mark("confirmed");
        int joinedId = joined.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        watcher.join();
        if (joinedId != deviceId) {
            throw new IllegalStateException("the two devices disagree on the new device's id");
        }
        t.await("online", WAIT);
        return new Linked(joining, deviceId);
    }
}
