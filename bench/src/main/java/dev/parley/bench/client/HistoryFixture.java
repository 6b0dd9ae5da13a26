package dev.parley.bench.client;

import dev.parley.bench.fixture.BenchMessageIds;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.h2.DatabaseOpenException;
import dev.parley.desktop.storage.h2.H2Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An encrypted profile database (CIPHER=AES, the production code path) filled with one 100,000-message conversation
 * plus 10 smaller ones. Message bodies are 4 to 24 words drawn from a Zipf-like vocabulary (the first words are very
 * common, like "the"), plus a marker word in 0.1% of the messages, so searches cover common, rare and absent words.
 */
final class HistoryFixture implements AutoCloseable {
    static final ConversationId BIG = new ConversationId("bob");
    static final int BIG_MESSAGES = 100_000;
    static final int OTHER_CONVERSATIONS = 10;
    static final int OTHER_MESSAGES_EACH = 1_000;
    static final String CACHE_PROPERTY = "parley.bench.cacheDir";
    static final String RARE_WORD = "zeppelin";
    static final String[] COMMON = {"the", "you", "and", "to", "it", "is", "of", "that", "in", "we", "for", "on",
        "have", "are", "what", "be", "this", "with", "not", "but", "so", "can", "just", "at", "do", "was", "tomorrow",
        "meet", "coffee", "tonight", "call", "later", "ok", "thanks", "work", "home", "see", "love", "good", "time"};
    private static final Logger LOG = LoggerFactory.getLogger(HistoryFixture.class);

    final Path directory;
    final Path base;
    final SecretBytes key;
    H2Storage storage;

    private HistoryFixture(Path directory, SecretBytes key) {
        this.directory = directory;
        this.base = directory.resolve("data-1");
        this.key = key;
    }

    /**
     * A private copy of the filled database, opened. The filled database is built once (about 1 to 3 minutes) into
     * the cache directory (system property {@value #CACHE_PROPERTY}, default {@code <tmp>/parley-bench-client-v3})
     * and copied for each trial, so every benchmark starts from the same bytes.
     */
    static HistoryFixture create() throws IOException, StorageException {
        SecretBytes key = fixtureKey();
        Path cache = Path.of(System.getProperty(CACHE_PROPERTY,
                Path.of(System.getProperty("java.io.tmpdir"), "parley-bench-client-v3").toString()));
        Path cached = cache.resolve("data-1.mv.db");
        if (!Files.isRegularFile(cached)) {
            build(cache, key);
        }
        Path dir = Files.createTempDirectory("parley-bench-client");
        Files.copy(cached, dir.resolve("data-1.mv.db"));
        HistoryFixture f = new HistoryFixture(dir, key);
        f.storage = H2Storage.open(f.base, key, EventPublisher.NONE);
        return f;
    }

    /** Fixed, so the cached file can be reopened by later runs. Synthetic data only. */
    private static SecretBytes fixtureKey() {
        return SecretBytes.wrap(CryptoProviders.preferred()
                .sha256("parley bench client history fixture v2".getBytes(StandardCharsets.US_ASCII)));
    }

    private static void build(Path cache, SecretBytes key) throws IOException, StorageException {
        Path building = Files.createTempDirectory(cache.getParent(), "parley-bench-client-building");
        HistoryFixture f = new HistoryFixture(building, key);
        f.storage = H2Storage.create(f.base, key, EventPublisher.NONE);
        long start = System.nanoTime();
        f.fill();
        f.storage.close();
        LOG.info("Filled {} messages in {} s", BIG_MESSAGES + OTHER_CONVERSATIONS * OTHER_MESSAGES_EACH,
                (System.nanoTime() - start) / 1_000_000_000);
        try {
            Files.move(building, cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isRegularFile(cache.resolve("data-1.mv.db"))) {
                throw e;
            }
            f.close();
        }
    }

    private void fill() throws StorageException {
        SplittableRandom random = new SplittableRandom(42);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        int total = BIG_MESSAGES + OTHER_CONVERSATIONS * OTHER_MESSAGES_EACH;
        int batch = 1_000;
        for (int start = 0; start < total; start += batch) {
            int from = start;
            storage.transactions().transaction(false, txn -> {
                for (int i = from; i < Math.min(from + batch, total); i++) {
                    // Every 11th message goes to one of the small conversations, the rest to the big one.
                    boolean big = i % 11 != 0 || i >= OTHER_CONVERSATIONS * OTHER_MESSAGES_EACH * 11;
                    ConversationId c = big ? BIG : new ConversationId("friend-" + (i % OTHER_CONVERSATIONS));
                    Instant at = t0.plusSeconds(30L * i);
                    NewMessage m = i % 2 == 0
                            ? NewMessage.outgoing(BenchMessageIds.of(11, i), c, "alice", at, body(random))
                            : NewMessage.incoming(BenchMessageIds.of(11, i), c, c.value(), at, at.plusSeconds(1),
                                    body(random));
                    storage.messages().insertIfAbsent(txn, m);
                }
            });
        }
    }

    private static String body(SplittableRandom random) {
        int words = 4 + random.nextInt(21);
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                b.append(' ');
            }
            // Zipf-like: index = COMMON.length * u^3 favours the first words; 30% of words are rarer "wNNNN" words.
            if (random.nextInt(10) < 7) {
                double u = random.nextDouble();
                b.append(COMMON[(int) (COMMON.length * u * u * u)]);
            } else {
                b.append('w').append(random.nextInt(5_000));
            }
        }
        if (random.nextInt(1_000) == 0) {
            b.append(' ').append(RARE_WORD);
        }
        return b.toString();
    }

    /** Closes and reopens the database (no Argon2id: the file key is kept), for cold-cache measurements. */
    void reopen() throws DatabaseOpenException {
        storage.close();
        storage = H2Storage.open(base, key, EventPublisher.NONE);
    }

    @Override
    public void close() throws IOException {
        if (storage != null) {
            storage.close();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
