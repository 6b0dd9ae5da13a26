package dev.parley.relay.store;

import dev.parley.crypto.wire.FlushScope;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One single-thread lane of {@link PgDatabase}: runs the work submitted to it in submission order and completes each
 * future after its transaction committed. Group commit: consecutive requests of one {@link BatchWork} waiting in the
 * lane (up to {@value #MAX_BATCH}) run together in one transaction, so a burst of stores costs a few statements and
 * one commit instead of five statements and a commit each. If such a transaction fails for anything but a lost
 * connection, every request of it is retried alone, so one bad request never fails the others.
 */
final class PgLane {
    static final int MAX_BATCH = 256;

    /** Runs many requests of one kind in the given transaction; one result per request, in request order. */
    interface BatchWork<Q, R> {
        List<R> run(Connection connection, List<Q> requests) throws SQLException;
    }

    private sealed interface Job permits Single, Batched, Stop {
    }

    private record Single<T>(PgDatabase.Work<T> work, CompletableFuture<T> result) implements Job {
    }

    private record Batched<Q, R>(BatchWork<Q, R> kind, Q request, CompletableFuture<R> result) implements Job {
    }

    private record Stop() implements Job {
    }

    private final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    private final Function<PgDatabase.Work<?>, Object> transaction;
    private final Thread thread;
    private volatile boolean stopped;

    /** @param transaction runs work in one transaction (committed when it returns) on the calling thread */
    PgLane(String name, Function<PgDatabase.Work<?>, Object> transaction) {
        this.transaction = transaction;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    <T> CompletableFuture<T> submit(PgDatabase.Work<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        enqueue(new Single<>(work, result), result);
        return result;
    }

    <Q, R> CompletableFuture<R> submit(BatchWork<Q, R> kind, Q request) {
        CompletableFuture<R> result = new CompletableFuture<>();
        enqueue(new Batched<>(kind, request, result), result);
        return result;
    }

    private void enqueue(Job job, CompletableFuture<?> result) {
        synchronized (jobs) {
            if (!stopped) {
                jobs.add(job);
                return;
            }
        }
        result.completeExceptionally(new StoreException("the relay database is closed", null));
    }

    /** Runs what was submitted before, then stops the thread (waiting up to {@code seconds}). */
    void close(long seconds) {
        synchronized (jobs) {
            if (stopped) {
                return;
            }
            stopped = true;
            jobs.add(new Stop());
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        List<Job> pending = new ArrayList<>();
        while (true) {
            pending.clear();
            try {
                pending.add(jobs.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            jobs.drainTo(pending);
            int i = 0;
            while (i < pending.size()) {
                Job job = pending.get(i);
                if (job instanceof Stop) {
                    return;
                }
                if (job instanceof Single<?> single) {
                    runSingle(single);
                    i++;
                } else {
                    i = runBatch(pending, i);
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void runSingle(Single single) {
        try {
            single.result().complete(transaction.apply(single.work()));
        } catch (RuntimeException e) {
            single.result().completeExceptionally(e);
        }
    }

    /** Runs the batch of one kind that starts at {@code from}; returns the index after it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private int runBatch(List<Job> pending, int from) {
        BatchWork kind = ((Batched<?, ?>) pending.get(from)).kind();
        List<Batched> batch = new ArrayList<>();
        int i = from;
        while (i < pending.size() && batch.size() < MAX_BATCH && pending.get(i) instanceof Batched b && b.kind() == kind) {
            batch.add(b);
            i++;
        }
        try {
            complete(batch, run(kind, batch));
        } catch (RuntimeException e) {
            if (batch.size() == 1 || connectionLost(e)) {
                batch.forEach(b -> b.result().completeExceptionally(e));
            } else {
                for (Batched b : batch) {
                    try {
                        complete(List.of(b), run(kind, List.of(b)));
                    } catch (RuntimeException alone) {
                        b.result().completeExceptionally(alone);
                    }
                }
            }
        }
        return i;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Object> run(BatchWork kind, List<Batched> batch) {
        List<Object> requests = batch.stream().map(b -> (Object) b.request()).toList();
        List<Object> results = (List<Object>) transaction.apply(c -> kind.run(c, requests));
        if (results.size() != batch.size()) {
            throw new IllegalStateException("a batch returned " + results.size() + " results for " + batch.size());
        }
        return results;
    }

    /**
     * Completes the futures in order as one unit of work ({@link FlushScope}): the answers their callbacks write to
     * one connection (a sender's {@code send_accepted}s) leave in one WebSocket message, not one each.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void complete(List<Batched> batch, List<Object> results) {
        FlushScope.run(() -> {
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        });
    }

    /** Whether retrying the requests one by one is pointless: PostgreSQL could not be reached at all. */
    private static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
