package dev.parley.bench.client;

import dev.parley.desktop.storage.ConversationSummary;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessagePage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * History paging and search on an encrypted profile database holding a 100,000-message conversation
 * ({@link HistoryFixture}). Targets: newest page (50 messages) under 100 ms, search under 200 ms.
 *
 * <pre>java -jar bench/target/parley-bench.jar 'dev.parley.bench.client.HistoryBenchmark'</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class HistoryBenchmark {
    static final int PAGE = 50;

    HistoryFixture fixture;
    MessageCursor middle;

    @Setup(Level.Trial)
    public void fill() throws IOException, StorageException {
        fixture = HistoryFixture.create();
        // A cursor half-way through the big conversation, for "scrolled back" pages.
        MessagePage page = page(Optional.empty(), PAGE);
        for (int i = 0; i < 1_000 && page.nextBefore().isPresent(); i++) {
            page = page(page.nextBefore(), PAGE);
        }
        middle = page.nextBefore().orElseThrow();
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
        fixture.close();
    }

    private MessagePage page(Optional<MessageCursor> before, int size) throws StorageException {
        return fixture.storage.transactions().transactionWithResult(true,
                (Transaction txn) -> fixture.storage.messages().page(txn, HistoryFixture.BIG, before, size));
    }

    private List<Message> search(String query) throws StorageException {
        return fixture.storage.transactions().transactionWithResult(true,
                (Transaction txn) -> fixture.storage.messages().search(txn, query, Optional.empty(), PAGE));
    }

    @Benchmark
    public MessagePage newestPage() throws StorageException {
        return page(Optional.empty(), PAGE);
    }

    @Benchmark
    public MessagePage pageHalfWayBack() throws StorageException {
        return page(Optional.of(middle), PAGE);
    }

    @Benchmark
    public int unreadCount() throws StorageException {
        return fixture.storage.transactions().transactionWithResult(true,
                (Transaction txn) -> fixture.storage.messages().unreadCount(txn, HistoryFixture.BIG));
    }

    @Benchmark
    public List<ConversationSummary> conversationList() throws StorageException {
        return fixture.storage.transactions().transactionWithResult(true,
                (Transaction txn) -> fixture.storage.messages().conversations(txn));
    }

    /** A word in most messages: the newest 50 matches come straight off the index. */
    @Benchmark
    public List<Message> searchCommonWord() throws StorageException {
        return search("the");
    }

    /** A word in about 0.1% of the messages (about 110 matches). */
    @Benchmark
    public List<Message> searchRareWord() throws StorageException {
        return search(HistoryFixture.RARE_WORD);
    }

    /** Two words that each occur in about 0.2-0.5% of the messages and rarely together. */
    @Benchmark
    public List<Message> searchTwoMidFrequencyWords() throws StorageException {
        return search("w17 w4242");
    }

    /** A common word and a rare one: the rare one drives (longest first), the common one is a key lookup. */
    @Benchmark
    public List<Message> searchRareAndCommon() throws StorageException {
        return search("the " + HistoryFixture.RARE_WORD);
    }

    @Benchmark
    public List<Message> searchAbsentWord() throws StorageException {
        return search("xylophone");
    }
}
