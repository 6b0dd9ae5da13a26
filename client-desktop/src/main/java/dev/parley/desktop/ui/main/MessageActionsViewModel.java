package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.ReactionView;
import dev.parley.desktop.ui.common.UiServices;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * What the user does to one message of the open chat (its context menu and reaction chips): react, remove the
 * reaction, and keeping the loaded rows' reactions current when anyone reacts. Observable state only; service calls
 * run through {@link BackgroundTasks}; all methods on the UI thread.
 */
public final class MessageActionsViewModel {
    /** The reactions the context menu offers in one click. */
    static final List<String> QUICK_REACTIONS = List.of("\uD83D\uDC4D", "\u2764", "\uD83D\uDE02", "\uD83D\uDE2E",
            "\uD83D\uDE22", "\uD83D\uDE4F");

    private final UiServices services;
    private final BackgroundTasks tasks;
    private final ObservableList<ChatRow> rows;
    private final Consumer<Exception> fail;
    private final StringProperty ownUsername = new SimpleStringProperty(this, "ownUsername", "");
    private final RecentEmoji recent = new RecentEmoji();

    MessageActionsViewModel(UiServices services, BackgroundTasks tasks, ObservableList<ChatRow> rows,
                            Consumer<Exception> fail) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.rows = Objects.requireNonNull(rows);
        this.fail = Objects.requireNonNull(fail);
    }

    /** This profile's username: which reactions are the user's own. */
    public StringProperty ownUsernameProperty() {
        return ownUsername;
    }

    /** The emoji the user reacted with lately, newest first (for the picker). */
    public List<String> recentEmoji() {
        return recent.list();
    }

    /** The user's reaction to {@code message}, if any. */
    public Optional<String> ownReaction(MessageView message) {
        return message.reactions().stream().filter(r -> r.reactor().equals(ownUsername.get()))
                .map(ReactionView::emoji).findFirst();
    }

    /** Reacts to {@code message} with {@code emoji}, replacing the user's earlier reaction; the same one again removes it. */
    public void react(MessageView message, String emoji) {
        boolean same = ownReaction(message).filter(emoji::equals).isPresent();
        if (!same) {
            recent.used(emoji);
        }
        send(message, emoji, same);
    }

    /** Takes the user's reaction to {@code message} away. */
    public void removeReaction(MessageView message) {
        ownReaction(message).ifPresent(emoji -> send(message, emoji, true));
    }

    private void send(MessageView message, String emoji, boolean remove) {
        tasks.runVoid(() -> services.react(message, emoji, remove), () -> reactionsChanged(message.id()), fail);
    }

    /** A service event: someone (the user included) reacted to a message; reloads it if it is loaded. */
    public void reactionsChanged(String messageId) {
        if (find(messageId).isEmpty()) {
            return;
        }
        tasks.run(() -> services.reactions(messageId), now -> find(messageId).ifPresent(i -> {
            ChatRow.MessageRow row = (ChatRow.MessageRow) rows.get(i);
            rows.set(i, new ChatRow.MessageRow(row.message().withReactions(now), row.firstOfGroup()));
        }), fail);
    }

    private Optional<Integer> find(String messageId) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i) instanceof ChatRow.MessageRow && ((ChatRow.MessageRow) rows.get(i)).id().equals(messageId)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
