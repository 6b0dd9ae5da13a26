package dev.parley.bench.client;

import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.desktop.app.AppConfig;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileManager;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.profile.UnlockedProfile;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.storage.Storage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Issue #12: the disappearing-messages sweep of N expired messages (default 100,000; 20% with a reaction) in a real
 * encrypted profile. The profile is filled through its own stores with every message already expired, closed, then
 * unlocked through {@link ParleyApp}: the clock runs from the unlock returning (the sweeper starts then, on its own
 * thread, never the UI thread) until the conversation is empty.
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.client.DisappearingSweepBenchmark [messages] [rounds]</pre>
 */
public final class DisappearingSweepBenchmark {
    private static final String PASSPHRASE = "bench passphrase, synthetic data only";
    private static final URI OFFLINE_RELAY = URI.create("ws://127.0.0.1:9/parley");

    private DisappearingSweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
        for (int round = 1; round <= rounds; round++) {
            Path root = Files.createTempDirectory("parley-bench-sweep");
            try {
                AppDirectories dirs = new AppDirectories(root.toAbsolutePath());
                ProfileName name = new ProfileName("alice");
                AppConfig config = AppConfig.defaults(dirs, name).withArgon2(new Argon2Params(8 * 1024, 1, 1));
                try (ParleyApp app = ParleyApp.open(config)) {
                    app.account().create("alice", new RelayAddress(OFFLINE_RELAY, Optional.empty()), PASSPHRASE.toCharArray());
                }
                fill(dirs, name, messages);
                try (ParleyApp app = ParleyApp.open(config)) {
                    app.account().unlock(PASSPHRASE.toCharArray());
                    long start = System.nanoTime();
                    while (!app.messaging().history("bob", Optional.empty(), 1).messages().isEmpty()) {
                        Thread.sleep(20);
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("round %d: %d expired messages swept in %.3f s (%.0f msg/s)%n", round, messages,
                            seconds, messages / seconds);
                }
            } finally {
                deleteTree(root);
            }
        }
    }

    private static void fill(AppDirectories dirs, ProfileName name, int messages) throws Exception {
        ProfileManager profiles = new ProfileManager(dirs, CryptoProviders.preferred(), new Argon2Params(8 * 1024, 1, 1));
        try (UnlockedProfile profile = profiles.unlock(name, PASSPHRASE.toCharArray(), EventPublisher.NONE)) {
            Storage storage = profile.storage();
            ConversationId bob = new ConversationId("bob");
            Instant t0 = Instant.now().minus(Duration.ofDays(2));
            storage.transactions().transaction(false, txn -> storage.contacts().add(txn, Contact.of("bob", new byte[32], t0)));
            int batch = 1_000;
            for (int start = 0; start < messages; start += batch) {
                int from = start;
                storage.transactions().transaction(false, txn -> {
                    for (int i = from; i < Math.min(from + batch, messages); i++) {
                        Instant at = t0.plusMillis(i);
                        MessageId id = new MessageId("sweep-" + i);
                        storage.messages().insertIfAbsent(txn, i % 2 == 0
                                ? NewMessage.outgoing(id, bob, "alice", at, "expiring message number " + i)
                                : NewMessage.incoming(id, bob, "bob", at, at, "expiring reply number " + i));
                        storage.disappearing().expireAt(txn, id, at.plus(Duration.ofHours(1)));
                        if (i % 5 == 0) {
                            storage.reactions().put(txn, new Reaction(id, "bob", "\uD83D\uDC4D", at));
                        }
                    }
                });
            }
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
