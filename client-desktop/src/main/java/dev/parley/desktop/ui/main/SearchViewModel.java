package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.Delays;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.common.UserMessages;
import java.time.Duration;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * History search (Ctrl+F): a query, its results newest first, and whether the panel is open. The search runs as the
 * user types, {@link #DEBOUNCE} after the last key (Enter runs it at once).
 */
public final class SearchViewModel {
    /** The most results shown. */
    public static final int LIMIT = 200;
    /** How long typing must pause before the search runs. */
    public static final Duration DEBOUNCE = Duration.ofMillis(250);

    private final UiServices services;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final Delays delays;
    private Runnable pending = () -> { };

    private final BooleanProperty open = new SimpleBooleanProperty(this, "open");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<MessageView> results = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper searched = new ReadOnlyBooleanWrapper(this, "searched");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private long generation;

    /** @param delays the debounce timer ({@link Delays#fx()} in the app) */
    public SearchViewModel(UiServices services, BackgroundTasks tasks, UserMessages messages, Delays delays) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        this.delays = Objects.requireNonNull(delays);
        query.addListener((obs, was, now) -> {
            pending.run();
            if (open.get()) {
                pending = delays.after(DEBOUNCE, this::search);
            }
        });
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<MessageView> results() {
        return results;
    }

    /** True once a search finished for the current query (so "no results" can show). */
    public ReadOnlyBooleanProperty searchedProperty() {
        return searched.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Runs the search for the current query; a blank query clears the results. */
    public void search() {
        pending.run();
        pending = () -> { };
        String q = query.get().strip();
        long gen = ++generation;
        searched.set(false);
        error.set("");
        if (q.isEmpty()) {
            results.clear();
            return;
        }
        tasks.run(() -> services.search(q, LIMIT), found -> {
            if (gen == generation) {
                results.setAll(found);
                searched.set(true);
            }
        }, e -> error.set(messages.describe(e)));
    }

    /** Closes the panel and forgets the query. */
    public void close() {
        pending.run();
        pending = () -> { };
        generation++;
        open.set(false);
        query.set("");
        results.clear();
        searched.set(false);
    }
}
