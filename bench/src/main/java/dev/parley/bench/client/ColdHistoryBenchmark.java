package dev.parley.bench.client;

import dev.parley.desktop.storage.Message;
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
 * The first page and the first search right after the database was (re)opened, with H2's page cache empty (the
 * operating system's file cache stays warm). The reopen itself (trust checks, Flyway validation) is not measured.
 *
 * <pre>java -jar bench/target/parley-bench.jar 'dev.parley.bench.client.ColdHistoryBenchmark'</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ColdHistoryBenchmark {
    HistoryFixture fixture;

    @Setup(Level.Trial)
    public void fill() throws IOException, StorageException {
        fixture = HistoryFixture.create();
    }

    @Setup(Level.Iteration)
    public void reopen() throws StorageException {
        fixture.reopen();
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
        fixture.close();
    }

    @Benchmark
    public MessagePage firstNewestPageAfterOpen() throws StorageException {
        return fixture.storage.transactions().transactionWithResult(true, (Transaction txn) ->
                fixture.storage.messages().page(txn, HistoryFixture.BIG, Optional.empty(), HistoryBenchmark.PAGE));
    }

    @Benchmark
    public List<Message> firstSearchAfterOpen() throws StorageException {
        return fixture.storage.transactions().transactionWithResult(true, (Transaction txn) ->
                fixture.storage.messages().search(txn, HistoryFixture.RARE_WORD, Optional.empty(),
                        HistoryBenchmark.PAGE));
    }
}
