package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.UiServices;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * The open conversation's rows, a page at a time ({@link ChatViewModel}'s paging): the newest page when it opens, the
 * pages around a search result or a quoted original (highlighted), older and newer pages on demand, and the window of
 * at most {@link ChatViewModel#WINDOW_MESSAGES} bubbles (loading at one end drops the far end and remembers where it
 * stopped). Every load carries the conversation's generation: an answer for a conversation closed meanwhile is
 * dropped.
 *
 * <p>UI thread only; the queries run through {@link BackgroundTasks}.
 */
final class ChatPaging {
    private static final int PAGE_SIZE = ChatViewModel.PAGE_SIZE;
    private static final int WINDOW_MESSAGES = ChatViewModel.WINDOW_MESSAGES;

    private final UiServices services;
    private final BackgroundTasks tasks;
    private final ChatTimeline timeline;
    private final ObservableList<ChatRow> rows;
    private final Consumer<Exception> fail;
    /** Marks the newest unread message among those shown read (when the window is active). */
    private final Consumer<List<MessageView>> markRead;

    final ReadOnlyBooleanWrapper loadingOlder = new ReadOnlyBooleanWrapper(this, "loadingOlder");
    final ReadOnlyBooleanWrapper loadingNewer = new ReadOnlyBooleanWrapper(this, "loadingNewer");
    final ReadOnlyStringWrapper highlighted = new ReadOnlyStringWrapper(this, "highlighted", "");
    final ObjectProperty<IntConsumer> onDroppedTop = new SimpleObjectProperty<>(this, "onDroppedTop");
    final ObjectProperty<IntConsumer> onScrollToRow = new SimpleObjectProperty<>(this, "onScrollToRow");
    final ObjectProperty<Runnable> onScrollToEnd = new SimpleObjectProperty<>(this, "onScrollToEnd");
    final ObjectProperty<IntConsumer> onPrepended = new SimpleObjectProperty<>(this, "onPrepended");

    private OptionalLong olderCursor = OptionalLong.empty();
    /** The newest loaded message's position while newer messages exist that are not loaded (after a search jump). */
    private OptionalLong newerCursor = OptionalLong.empty();
    private long generation;

    ChatPaging(UiServices services, BackgroundTasks tasks, ChatTimeline timeline, ObservableList<ChatRow> rows,
               Consumer<Exception> fail, Consumer<List<MessageView>> markRead) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.timeline = Objects.requireNonNull(timeline);
        this.rows = Objects.requireNonNull(rows);
        this.fail = Objects.requireNonNull(fail);
        this.markRead = Objects.requireNonNull(markRead);
    }

    /** The open conversation's generation: raised whenever what the rows show is replaced. */
    long generation() {
        return generation;
    }

    boolean hasOlder() {
        return olderCursor.isPresent();
    }

    boolean hasNewer() {
        return newerCursor.isPresent();
    }

    /** Starts a new generation: answers to loads asked for before are dropped. Returns it. */
    long nextGeneration() {
        return ++generation;
    }

    /** Empties the rows for another conversation (after {@link #nextGeneration()}). */
    void reset() {
        rows.clear();
        highlighted.set("");
        olderCursor = OptionalLong.empty();
        newerCursor = OptionalLong.empty();
        loadingOlder.set(false);
        loadingNewer.set(false);
    }

    /** Closes the conversation (after {@link #nextGeneration()}): no rows, nothing to load. */
    void close() {
        rows.clear();
        olderCursor = OptionalLong.empty();
        newerCursor = OptionalLong.empty();
        highlighted.set("");
    }

    /** Loads the newest page; the unread marker goes above the unread messages at its end if {@code markUnread}. */
    void loadNewest(ContactView c, long gen, boolean markUnread) {
        tasks.run(() -> services.history(c.username(), PAGE_SIZE, OptionalLong.empty()), page -> {
            if (gen != generation) {
                return;
            }
            rows.setAll(timeline.rows(page.newestFirst(), markUnread));
            olderCursor = page.older();
            newerCursor = OptionalLong.empty();
            scrollToEnd();
            markRead.accept(page.newestFirst());
        }, fail);
    }

    /** Shows the newest page again, as a new generation (after a reply sent from far back, or a timer change). */
    void reloadNewest(ContactView c) {
        loadNewest(c, ++generation, false);
    }

    /** Loads the page up to and including {@code target} and the page after it; highlights and scrolls to it. */
    void loadAround(ContactView c, MessageView target, long gen) {
        long position = target.position();
        tasks.run(() -> new Around(services.history(c.username(), PAGE_SIZE, OptionalLong.of(position + 1)),
                services.newer(c.username(), PAGE_SIZE, position)), around -> {
            if (gen != generation) {
                return;
            }
            List<MessageView> newestFirst = new ArrayList<>(around.after());
            Collections.reverse(newestFirst);
            newestFirst.addAll(around.before().newestFirst());
            rows.setAll(timeline.rows(newestFirst, false));
            olderCursor = around.before().older();
            newerCursor = around.after().size() < PAGE_SIZE ? OptionalLong.empty()
                    : OptionalLong.of(around.after().get(around.after().size() - 1).position());
            highlighted.set(target.id());
            scrollToRow(indexOf(target.id()));
            markRead.accept(newestFirst);
        }, fail);
    }

    /** Highlights and scrolls to message {@code messageId} if it is loaded; false if it is not. */
    boolean showLoaded(String messageId) {
        int loaded = indexOf(messageId);
        if (loaded < 0) {
            return false;
        }
        highlighted.set(messageId);
        scrollToRow(loaded);
        return true;
    }

    /** Loads the next older page, if there is one and none is loading. */
    void loadOlder(ContactView c) {
        if (c == null || olderCursor.isEmpty() || loadingOlder.get()) {
            return;
        }
        long gen = generation;
        OptionalLong cursor = olderCursor;
        loadingOlder.set(true);
        tasks.run(() -> services.history(c.username(), PAGE_SIZE, cursor), page -> {
            loadingOlder.set(false);
            if (gen != generation) {
                return;
            }
            int excess = ChatTimeline.messageCount(rows) + page.newestFirst().size() - WINDOW_MESSAGES;
            if (excess > 0) {
                ChatTimeline.dropNewest(rows, excess);
                newerCursor = OptionalLong.of(newestLoaded().position());
            }
            int added = timeline.prependTo(rows, page.newestFirst());
            olderCursor = page.older();
            IntConsumer callback = onPrepended.get();
            if (callback != null) {
                callback.accept(added);
            }
        }, e -> {
            loadingOlder.set(false);
            fail.accept(e);
        });
    }

    /** Loads the next newer page, if newer messages are not loaded and none is loading. */
    void loadNewer(ContactView c) {
        if (c == null || newerCursor.isEmpty() || loadingNewer.get()) {
            return;
        }
        long gen = generation;
        long after = newerCursor.getAsLong();
        loadingNewer.set(true);
        tasks.run(() -> services.newer(c.username(), PAGE_SIZE, after), page -> {
            loadingNewer.set(false);
            if (gen != generation) {
                return;
            }
            timeline.appendTo(rows, page);
            newerCursor = page.size() < PAGE_SIZE ? OptionalLong.empty()
                    : OptionalLong.of(page.get(page.size() - 1).position());
            int excess = ChatTimeline.messageCount(rows) - WINDOW_MESSAGES;
            if (excess > 0) {
                droppedOldest(timeline.dropOldest(rows, excess));
            }
            markRead.accept(page);
        }, e -> {
            loadingNewer.set(false);
            fail.accept(e);
        });
    }

    /**
     * Appends the rows of one newer message (a day divider, the bubble) and follows the conversation; when the window
     * holds a page more than {@link ChatViewModel#WINDOW_MESSAGES}, the oldest page and a half go.
     */
    void append(List<ChatRow> added) {
        rows.addAll(added);
        int excess = ChatTimeline.messageCount(rows) - WINDOW_MESSAGES - PAGE_SIZE;
        if (excess > 0) {
            droppedOldest(timeline.dropOldest(rows, excess + PAGE_SIZE));
        }
        scrollToEnd();
    }

    /** The row index of message {@code messageId}, or -1 when it is not loaded. */
    int indexOf(String messageId) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof ChatRow.MessageRow && ((ChatRow.MessageRow) rows.get(i)).id().equals(messageId)) {
                return i;
            }
        }
        return -1;
    }

    private void droppedOldest(int removedRows) {
        olderCursor = OptionalLong.of(oldestLoaded().position());
        IntConsumer callback = onDroppedTop.get();
        if (callback != null) {
            callback.accept(removedRows);
        }
    }

    private MessageView newestLoaded() {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i) instanceof ChatRow.MessageRow) {
                return ((ChatRow.MessageRow) rows.get(i)).message();
            }
        }
        throw new IllegalStateException("no message loaded");
    }

    private MessageView oldestLoaded() {
        for (ChatRow row : rows) {
            if (row instanceof ChatRow.MessageRow) {
                return ((ChatRow.MessageRow) row).message();
            }
        }
        throw new IllegalStateException("no message loaded");
    }

    private void scrollToRow(int index) {
        IntConsumer callback = onScrollToRow.get();
        if (callback != null && index >= 0) {
            callback.accept(index);
        }
    }

    private void scrollToEnd() {
        Runnable r = onScrollToEnd.get();
        if (r != null) {
            r.run();
        }
    }

    private record Around(UiServices.Page before, List<MessageView> after) {
    }
}
