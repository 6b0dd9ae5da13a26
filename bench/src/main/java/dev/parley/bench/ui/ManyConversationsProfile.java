package dev.parley.bench.ui;

import dev.parley.bench.fixture.BenchMessageIds;
import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.desktop.app.AppConfig;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.net.ExponentialBackoff;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileManager;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.profile.UnlockedProfile;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.UserProfile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A real desktop profile, "alice", with {@value #CONVERSATIONS} contacts (issue #14's conversation list benchmark):
 * created through the account service, then filled through the profile's own stores. Every contact has a profile
 * they shared (a display name from a list of first and last names, and a 128-pixel PNG avatar of their own colours,
 * the size the profile service sends), a stored last-seen time (an offline presence dot) and a conversation of
 * {@value #MESSAGES_EACH} messages, the newest of some of them unread.
 *
 * <p>Built once into {@code <tmp>/parley-bench-ui-people-v2} (system property {@value #CACHE_PROPERTY}) and copied
 * for every run.
 */
final class ManyConversationsProfile implements AutoCloseable {
    static final String PROFILE = "alice";
    static final int CONVERSATIONS = 1_000;
    static final int MESSAGES_EACH = 4;
    static final String PASSPHRASE = "bench passphrase, synthetic data only";
    static final String CACHE_PROPERTY = "parley.bench.peopleCacheDir";
    private static final URI RELAY = URI.create("ws://127.0.0.1:9/parley");
    private static final String[] FIRST = {"Ada", "Maria", "Omar", "Mei", "Lars", "Amara", "Tomás", "Yuki", "Noah",
        "Priya", "Jonas", "Fatima", "Ivan", "Chloé", "Kwame", "Sofia", "Mateo", "Anika", "Leo", "Zainab"};
    private static final String[] LAST = {"Lovelace", "Curie", "Haddad", "Chen", "Nilsson", "Okafor", "García",
        "Tanaka", "Schmidt", "Patel", "Berg", "Rahman", "Petrov", "Dubois", "Mensah", "Rossi", "López", "Kumar",
        "Moreau", "Ali", "Marsh", "Novak", "Silva", "Kim", "Weber"};

    final Path root;
    final AppDirectories directories;

    private ManyConversationsProfile(Path root) {
        this.root = root;
        this.directories = new AppDirectories(root.resolve("profiles").toAbsolutePath());
    }

    static String username(int i) {
        return String.format("friend%04d", i);
    }

    static String displayName(int i) {
        return FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length];
    }

    /** A private copy of the cached profile (built first if missing). */
    static ManyConversationsProfile copy() throws Exception {
        Path cache = Path.of(System.getProperty(CACHE_PROPERTY,
                Path.of(System.getProperty("java.io.tmpdir"), "parley-bench-ui-people-v2").toString()));
        if (!Files.isDirectory(cache.resolve("profiles"))) {
            build(cache);
        }
        ManyConversationsProfile copy = new ManyConversationsProfile(Files.createTempDirectory("parley-bench-people"));
        try (Stream<Path> walk = Files.walk(cache.resolve("profiles"))) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = copy.root.resolve("profiles").resolve(cache.resolve("profiles").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    AppConfig config(ProfileName name) {
        CryptoProvider crypto = CryptoProviders.preferred();
        return AppConfig.defaults(directories, name).withArgon2(new Argon2Params(8 * 1024, 1, 1))
                .withReconnect(new ExponentialBackoff(Duration.ofSeconds(5), Duration.ofMinutes(1), crypto.random()));
    }

    private static void build(Path cache) throws Exception {
        Files.createDirectories(cache.getParent());
        ManyConversationsProfile building = new ManyConversationsProfile(
                Files.createTempDirectory(cache.getParent(), "parley-bench-people-building"));
        ProfileName name = new ProfileName(PROFILE);
        try (ParleyApp app = ParleyApp.open(building.config(name))) {
            app.account().create(PROFILE, new RelayAddress(RELAY, Optional.empty()), PASSPHRASE.toCharArray());
        }
        ProfileManager profiles = new ProfileManager(building.directories, CryptoProviders.preferred(),
                new Argon2Params(8 * 1024, 1, 1));
        try (UnlockedProfile profile = profiles.unlock(name, PASSPHRASE.toCharArray(), EventPublisher.NONE)) {
            fill(profile.storage());
        }
        try {
            Files.move(building.root, cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(cache.resolve("profiles"))) {
                throw e;
            }
            building.close();
        }
    }

    private static void fill(Storage storage) throws Exception {
        SplittableRandom random = new SplittableRandom(14);
        Instant t0 = Instant.parse("2026-11-01T08:00:00Z");
        int batch = 100;
        for (int start = 0; start < CONVERSATIONS; start += batch) {
            int from = start;
            storage.transactions().transaction(false, txn -> {
                for (int i = from; i < Math.min(from + batch, CONVERSATIONS); i++) {
                    String user = username(i);
                    byte[] key = new byte[32];
                    for (int b = 0; b < key.length; b++) {
                        key[b] = (byte) random.nextInt(256);
                    }
                    storage.contacts().add(txn, Contact.of(user, key, t0));
                    Instant last = t0.plusSeconds(random.nextInt(30 * 86_400));
                    try {
                        storage.profiles().putIfNewer(txn, new UserProfile(user, 1, displayName(i),
                                "about " + displayName(i), avatar(random), last));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    storage.presence().recordSeen(txn, user, last);
                    dev.parley.desktop.storage.ConversationId conversation = storage.conversations().direct(txn, user).id();
                    for (int m = 0; m < MESSAGES_EACH; m++) {
                        Instant at = last.minusSeconds(60L * (MESSAGES_EACH - m));
                        MessageId id = BenchMessageIds.of(2 + i, m);
                        String text = "message " + m + " with " + displayName(i) + " about the weekend";
                        NewMessage message = m % 2 == 0
                                ? NewMessage.incoming(id, conversation, user, at, at.plusSeconds(1), text)
                                : NewMessage.outgoing(id, conversation, PROFILE, at, text);
                        storage.messages().insertIfAbsent(txn, message);
                    }
                    if (i % 3 != 0) {
                        dev.parley.desktop.storage.MessageCursor upTo = storage.messages()
                                .find(txn, BenchMessageIds.of(2 + i, MESSAGES_EACH - 1)).orElseThrow().cursor();
                        while (storage.messages().markReadUpTo(txn, conversation, upTo,
                                dev.parley.desktop.storage.MessageStore.MAX_LIMIT).size()
                                == dev.parley.desktop.storage.MessageStore.MAX_LIMIT) {
                            // a page of marks at a time
                        }
                    }
                }
            });
        }
    }

    /** A 128-pixel PNG: two colours of this contact's own, split diagonally (as the profile service sends them). */
    private static byte[] avatar(SplittableRandom random) throws IOException {
        BufferedImage image = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        int a = random.nextInt(0x1000000);
        int b = random.nextInt(0x1000000);
        for (int x = 0; x < 128; x++) {
            for (int y = 0; y < 128; y++) {
                image.setRGB(x, y, x + y < 128 ? a : b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
