package dev.parley.desktop.ui.main;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * Removals of messages (a disappearing sweep removes them in batches of hundreds, one event per batch and
 * conversation) reach the view models gathered: the events are collected on whichever thread publishes them, and one
 * task on the UI thread hands over everything collected until it runs, one call per conversation with all its
 * removed ids. However many events a sweep of 100,000 messages publishes, the UI thread updates the open chat and
 * reloads a conversation's row only as often as it gets to run that task, never once per event.
 */
final class RemovalBatches {
    private final Executor uiThread;
    private final BiConsumer<String, Set<String>> apply;
    private Map<String, Set<String>> pending = new LinkedHashMap<>();
    private boolean posted;

    /** {@code apply} gets a conversation and the ids removed from it, on the UI thread. */
    RemovalBatches(Executor uiThread, BiConsumer<String, Set<String>> apply) {
        this.uiThread = Objects.requireNonNull(uiThread);
        this.apply = Objects.requireNonNull(apply);
    }

    /** Collects removed messages of {@code conversation}; any thread. */
    void removed(String conversation, Iterable<String> messageIds) {
        boolean post;
        synchronized (this) {
            Set<String> ids = pending.computeIfAbsent(conversation, c -> new HashSet<>());
            messageIds.forEach(ids::add);
            post = !posted;
            posted = true;
        }
        if (post) {
            uiThread.execute(this::drain);
        }
    }

    private void drain() {
        Map<String, Set<String>> batch;
        synchronized (this) {
            batch = pending;
            pending = new LinkedHashMap<>();
            posted = false;
        }
        batch.forEach(apply);
    }
}
