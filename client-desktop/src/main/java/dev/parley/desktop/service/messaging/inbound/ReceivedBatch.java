package dev.parley.desktop.service.messaging.inbound;

import dev.parley.desktop.service.connection.InboundHandler.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What handlers of one batch share inside its transaction: the time of receipt, each envelope's outcome (decrypted
 * envelopes default to {@link Outcome#STORED}) and work to run once the batch committed (events go through
 * {@code Transaction.attach} instead).
 */
public final class ReceivedBatch {
    private final Outcome[] outcomes;
    private final Instant now;
    private final List<Runnable> afterCommit = new ArrayList<>();

    ReceivedBatch(Outcome[] outcomes, Instant now) {
        this.outcomes = outcomes;
        this.now = now;
    }

    public Instant now() {
        return now;
    }

    /** Overrides the outcome of the envelope at {@code index} (for example a repeated message id: DUPLICATE). */
    public void outcome(int index, Outcome outcome) {
        outcomes[index] = outcome;
    }

    public Outcome outcome(int index) {
        return outcomes[index];
    }

    /** Runs after the batch's transaction committed, on the inbound thread; never if it rolled back. */
    public void afterCommit(Runnable task) {
        afterCommit.add(task);
    }

    void committed() {
        afterCommit.forEach(Runnable::run);
    }
}
