package dev.parley.bench.group;

import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.desktop.app.AppConfig;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessagePage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Real client profiles (encrypted H2 on disk, the app's services) in one temporary directory; Argon2 is cheap because
 * unlocking is not what these benchmarks measure.
 */
final class ClientProfiles implements AutoCloseable {
    private static final char[] PASSPHRASE = "group bench passphrase".toCharArray();

    private final Path dir;
    private final RelayAddress relay;

    ClientProfiles(URI relay) throws Exception {
        this.dir = Files.createTempDirectory("parley-group-bench-profiles");
        this.relay = new RelayAddress(relay, Optional.empty());
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
    }

    private AppConfig config(String name) {
        return AppConfig.defaults(new AppDirectories(dir.toAbsolutePath()), new ProfileName(name))
                .withArgon2(new Argon2Params(8 * 1024, 1, 1));
    }

    /** A new profile, registered with the relay, not connected. */
    ParleyApp create(String name) throws Exception {
        ParleyApp app = ParleyApp.open(config(name));
        app.account().create(name, relay, PASSPHRASE.clone());
        app.account().register(Optional.empty());
        return app;
    }

    /** The existing profile, unlocked again (not connected). */
    ParleyApp unlock(String name) throws Exception {
        ParleyApp app = ParleyApp.open(config(name));
        app.account().unlock(PASSPHRASE.clone());
        return app;
    }

    /** Messages stored in a conversation (a contact's name, or {@code #} and a group id), counted page by page. */
    static int count(ParleyApp app, String conversation) throws Exception {
        int count = 0;
        Optional<MessageCursor> before = Optional.empty();
        while (true) {
            MessagePage page = app.messaging().history(conversation, before, 500);
            count += page.messages().size();
            if (page.nextBefore().isEmpty() || page.messages().isEmpty()) {
                return count;
            }
            before = page.nextBefore();
        }
    }

    /** Whether {@code body} is among the newest messages of the conversation. */
    static boolean hasRecent(ParleyApp app, String conversation, String body) throws Exception {
        for (Message m : app.messaging().history(conversation, Optional.empty(), 50).messages()) {
            if (body.equals(m.body())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
