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
 * unlocking is not what these benchmarks measure, unless a benchmark asks for another cost.
 */
public final class ClientProfiles implements AutoCloseable {
    /** The passphrase of every profile made here. */
    public static final char[] PASSPHRASE = "group bench passphrase".toCharArray();
    /** The cost of the profiles' passphrase derivation unless a benchmark measures it. */
    public static final Argon2Params CHEAP = new Argon2Params(8 * 1024, 1, 1);

    private final Path dir;
    private final RelayAddress relay;
    private final Argon2Params argon2;

    public ClientProfiles(URI relay) throws Exception {
        this(relay, CHEAP);
    }

    /** Profiles whose passphrase is derived at {@code argon2} (shipped: {@link Argon2Params#DESKTOP_DEFAULT}). */
    public ClientProfiles(URI relay, Argon2Params argon2) throws Exception {
        this.dir = Files.createTempDirectory("parley-group-bench-profiles");
        this.relay = new RelayAddress(relay, Optional.empty());
        this.argon2 = argon2;
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
    }

    private AppConfig config(String name) {
        return AppConfig.defaults(new AppDirectories(dir.toAbsolutePath()), new ProfileName(name)).withArgon2(argon2);
    }

    /** The relay these profiles use. */
    public RelayAddress relay() {
        return relay;
    }

    /** A new profile, registered with the relay, not connected. */
    public ParleyApp create(String name) throws Exception {
        return create(name, relay);
    }

    /** A new profile that reaches the relay at {@code via} (a proxy in front of it), registered, not connected. */
    public ParleyApp create(String name, RelayAddress via) throws Exception {
        ParleyApp app = ParleyApp.open(config(name));
        app.account().create(name, via, PASSPHRASE.clone());
        app.account().register(Optional.empty());
        return app;
    }

    /** A profile not made yet, for {@code joinAccount} (a new linked device). */
    public ParleyApp open(String name) {
        return ParleyApp.open(config(name));
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
