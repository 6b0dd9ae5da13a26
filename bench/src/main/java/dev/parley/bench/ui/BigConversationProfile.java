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
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Storage;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real desktop profile, "alice", whose conversation with "bob" holds {@value #MESSAGES} messages: created through
 * the account service (keys, encrypted H2 database), then filled through the profile's own message store. Bodies are
 * 1 to 60 words, so bubbles are one to several lines high; runs of each direction alternate; a message every 30 s,
 * so about five weeks of day dividers. All but the newest {@value #UNREAD} messages are read.
 *
 * <p>Built once into a cache directory (system property {@value #CACHE_PROPERTY}, default
 * {@code <tmp>/parley-bench-ui-v3}) and copied for every run, so each run starts from the same bytes.
 */
final class BigConversationProfile implements AutoCloseable {
    /** What the conversation holds besides its texts. */
    enum Shape {
        /** Texts only (cache {@code parley-bench-ui-v3}). */
        PLAIN("parley-bench-ui-v3"),
        /**
         * The same texts, and #12's mix (cache {@code parley-bench-ui-rich-v2}): every fifth message has a reaction
         * (20%), every twentieth is edited once (5%), and every twentieth (another one) replies to the message seven
         * before it (5%).
         */
        RICH("parley-bench-ui-rich-v2");

        final String cacheName;

        Shape(String cacheName) {
            this.cacheName = cacheName;
        }
    }

    static final String PROFILE = "alice";
    static final String CONTACT = "bob";
    static final int MESSAGES = 100_000;
    /** The newest incoming messages among these are unread. */
    static final int UNREAD = 12;
    static final String PASSPHRASE = "bench passphrase, synthetic data only";
    static final String CACHE_PROPERTY = "parley.bench.uiCacheDir";
    /** A port nothing listens on: the profile stays offline, which the UI shows with its banner. */
    private static final URI RELAY = URI.create("ws://127.0.0.1:9/parley");
    private static final Logger LOG = LoggerFactory.getLogger(BigConversationProfile.class);
    private static final String[] WORDS = {"the", "you", "and", "to", "it", "is", "meet", "coffee", "tonight",
        "call", "later", "ok", "thanks", "work", "home", "see", "love", "good", "time", "relay", "weekend",
        "train", "climbing", "dinner", "tomorrow", "picture", "sounds", "great", "maybe", "sure"};

    final Path root;
    final AppDirectories directories;

    private BigConversationProfile(Path root) {
        this.root = root;
        this.directories = new AppDirectories(root.resolve("profiles").toAbsolutePath());
    }

    /** A private copy of the cached profile (built first if missing). */
    static BigConversationProfile copy() throws Exception {
        return copy(Shape.PLAIN);
    }

    /** A private copy of the cached profile of this shape (built first if missing). */
    static BigConversationProfile copy(Shape shape) throws Exception {
        Path cache = shape == Shape.PLAIN ? Path.of(System.getProperty(CACHE_PROPERTY,
                Path.of(System.getProperty("java.io.tmpdir"), shape.cacheName).toString()))
                : Path.of(System.getProperty("java.io.tmpdir"), shape.cacheName);
        if (!Files.isDirectory(cache.resolve("profiles"))) {
            build(cache, shape);
        }
        BigConversationProfile copy = copyOf(cache);
        if (!copy.opens()) {
            // A cache another branch built, whose migration history this build does not accept (Flyway: "resolved
            // migration not applied"): set it aside (never deleted: another JVM may be copying it) and build anew.
            copy.close();
            Path aside = cache.resolveSibling(cache.getFileName() + "-stale-" + System.currentTimeMillis());
            LOG.warn("the cached profile {} cannot be migrated by this build; moved to {} and built again", cache, aside);
            Files.move(cache, aside, StandardCopyOption.ATOMIC_MOVE);
            build(cache, shape);
            copy = copyOf(cache);
        }
        return copy;
    }

    private static BigConversationProfile copyOf(Path cache) throws IOException {
        BigConversationProfile copy = new BigConversationProfile(Files.createTempDirectory("parley-bench-ui"));
        copyTree(cache.resolve("profiles"), copy.root.resolve("profiles"));
        return copy;
    }

    /** Unlocks this copy once (which migrates it to this build's schema); false if its schema cannot be migrated. */
    private boolean opens() throws Exception {
        ProfileManager profiles = new ProfileManager(directories, CryptoProviders.preferred(),
                new Argon2Params(8 * 1024, 1, 1));
        try (UnlockedProfile profile = profiles.unlock(new ProfileName(PROFILE), PASSPHRASE.toCharArray(),
                EventPublisher.NONE)) {
            return true;
        } catch (dev.parley.desktop.profile.CorruptDatabaseException e) {
            return false;
        }
    }

    /** The composition root's configuration: cheap Argon2 (unlock is not measured here), slow reconnects. */
    AppConfig config(ProfileName name) {
        CryptoProvider crypto = CryptoProviders.preferred();
        return AppConfig.defaults(directories, name).withArgon2(new Argon2Params(8 * 1024, 1, 1))
                .withReconnect(new ExponentialBackoff(Duration.ofSeconds(5), Duration.ofMinutes(1), crypto.random()));
    }

    private static void build(Path cache, Shape shape) throws Exception {
        Files.createDirectories(cache.getParent());
        BigConversationProfile building = new BigConversationProfile(
                Files.createTempDirectory(cache.getParent(), "parley-bench-ui-building"));
        ProfileName name = new ProfileName(PROFILE);
        try (ParleyApp app = ParleyApp.open(building.config(name))) {
            app.account().create(PROFILE, new RelayAddress(RELAY, Optional.empty()), PASSPHRASE.toCharArray());
        }
        long start = System.nanoTime();
        ProfileManager profiles = new ProfileManager(building.directories, CryptoProviders.preferred(),
                new Argon2Params(8 * 1024, 1, 1));
        try (UnlockedProfile profile = profiles.unlock(name, PASSPHRASE.toCharArray(), EventPublisher.NONE)) {
            fill(profile.storage(), shape);
            if (shape == Shape.RICH) {
                RichConversation.enrich(profile.storage(), MESSAGES);
            }
        }
        LOG.info("filled {} messages in {} s", MESSAGES, (System.nanoTime() - start) / 1_000_000_000);
        try {
            Files.move(building.root, cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(cache.resolve("profiles"))) {
                throw e;
            }
            building.close();
        }
    }

    private static void fill(Storage storage, Shape shape) throws Exception {
        ConversationId bob = new ConversationId(CONTACT);
        SplittableRandom random = new SplittableRandom(7);
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) random.nextInt(256);
        }
        Instant t0 = Instant.parse("2026-01-05T08:00:00Z");
        storage.transactions().transaction(false, txn -> storage.contacts().add(txn, Contact.of(CONTACT, key, t0)));
        boolean outgoing = false;
        int batch = 1_000;
        for (int start = 0; start < MESSAGES; start += batch) {
            int from = start;
            boolean[] direction = {outgoing};
            storage.transactions().transaction(false, txn -> {
                for (int i = from; i < Math.min(from + batch, MESSAGES); i++) {
                    if (random.nextInt(3) == 0) {
                        direction[0] = !direction[0];
                    }
                    Instant at = t0.plusSeconds(30L * i);
                    MessageId id = messageId(i);
                    NewMessage m = direction[0]
                            ? NewMessage.outgoing(id, bob, PROFILE, at, body(random))
                            : NewMessage.incoming(id, bob, CONTACT, at, at.plusSeconds(1), body(random));
                    if (shape == Shape.RICH && i % 20 == 1 && i >= 7) {
                        m = m.withQuote(dev.parley.desktop.storage.Quote.of(storage.messages()
                                .find(txn, messageId(i - 7)).orElseThrow()));
                    }
                    storage.messages().insertIfAbsent(txn, m);
                }
            });
            outgoing = direction[0];
        }
        // Read up to the last few, as after weeks of chatting: opening the conversation marks only those read.
        dev.parley.desktop.storage.MessageCursor upTo = storage.transactions().transactionWithResult(true,
                txn -> storage.messages().find(txn, messageId(MESSAGES - UNREAD - 1)).orElseThrow().cursor());
        while (storage.transactions().transactionWithResult(false, txn -> storage.messages().markReadUpTo(txn, bob,
                upTo, dev.parley.desktop.storage.MessageStore.MAX_LIMIT)).size()
                == dev.parley.desktop.storage.MessageStore.MAX_LIMIT) {
            // a page of marks per transaction
        }
    }

    /** Message {@code i}'s id: random-looking 32 hex characters, as a sender's would be. */
    static MessageId messageId(int i) {
        return BenchMessageIds.of(1, i);
    }

    /** Mostly short lines, sometimes a paragraph: 1 to 60 words. */
    private static String body(SplittableRandom random) {
        int words = random.nextInt(10) == 0 ? 20 + random.nextInt(41) : 1 + random.nextInt(12);
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                b.append(' ');
            }
            b.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
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
