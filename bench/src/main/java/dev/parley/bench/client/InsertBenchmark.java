package dev.parley.bench.client;

import dev.parley.bench.fixture.BenchMessageIds;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.StorageException;
import java.io.IOException;
import java.time.Instant;
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
 * Storing one incoming message in its own transaction (dedupe check, row, word index, conversation summary, durable
 * commit with WRITE_DELAY=0) into the 110,000-message encrypted database: the cost the messaging service pays per
 * received message.
 *
 * <pre>java -jar bench/target/parley-bench.jar 'dev.parley.bench.client.InsertBenchmark'</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class InsertBenchmark {
    HistoryFixture fixture;
    long next;

    @Setup(Level.Trial)
    public void open() throws IOException, StorageException {
        fixture = HistoryFixture.create();
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
        fixture.close();
    }

    @Benchmark
    public boolean insertOneIncomingMessage() throws StorageException {
        long n = next++;
        Instant at = Instant.parse("2026-06-01T00:00:00Z").plusMillis(n);
        NewMessage m = NewMessage.incoming(BenchMessageIds.of(12, n), HistoryFixture.BIG, "bob", at, at,
                "see you tomorrow at the coffee place, message " + n);
        return fixture.storage.transactions().transactionWithResult(false,
                txn -> fixture.storage.messages().insertIfAbsent(txn, m));
    }
}
