package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.ReactionView;
import dev.parley.desktop.ui.common.UiServices;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import dev.parley.desktop.service.MessageActionsService;
import java.time.Clock;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * What the user does to one message of the open chat (its context menu and reaction chips): react, remove the
 * reaction, edit (in the composer), delete for me or for everyone, the edit history; and keeping the loaded rows
 * current when anyone reacts, edits or deletes. Observable state only; service calls
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
    private final ReadOnlyObjectWrapper<MessageView> editing = new ReadOnlyObjectWrapper<>(this, "editing");
    private final ReadOnlyObjectWrapper<MessageView> replyingTo = new ReadOnlyObjectWrapper<>(this, "replyingTo");
    private final MessageInfoViewModel info;
    private Clock clock = Clock.systemUTC();

    MessageActionsViewModel(UiServices services, BackgroundTasks tasks, ObservableList<ChatRow> rows,
                            Consumer<Exception> fail) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.rows = Objects.requireNonNull(rows);
        this.fail = Objects.requireNonNull(fail);
        this.info = new MessageInfoViewModel(services, tasks, fail);
    }

    /** This profile's username: which reactions are the user's own. */
    public StringProperty ownUsernameProperty() {
        return ownUsername;
    }

    /** The time that decides whether a message is still within the author's edit and delete window. */
    public void useClock(Clock now) {
        clock = Objects.requireNonNull(now);
    }

    /** The user's own message being edited in the composer, or null. */
    public ReadOnlyObjectProperty<MessageView> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** Whether the user may still edit {@code message}: their own, sent, not deleted, within the author's window. */
    public boolean canEdit(MessageView message) {
        return ownAndRecent(message) && message.attachment().isEmpty();
    }

    /** Whether the user may delete {@code message} for everyone: the same rule as editing. */
    public boolean canDeleteForEveryone(MessageView message) {
        return ownAndRecent(message);
    }

    private boolean ownAndRecent(MessageView m) {
        boolean sent = m.status() == MessageView.Status.SENT || m.status() == MessageView.Status.DELIVERED
                || m.status() == MessageView.Status.READ;
        return m.outgoing() && sent && !m.deleted()
                && m.sentAt().plus(MessageActionsService.AUTHOR_WINDOW).isAfter(clock.instant());
    }

    /** Starts editing {@code message} in the composer. */
    public void startEdit(MessageView message) {
        if (canEdit(message)) {
            replyingTo.set(null);
            editing.set(message);
        }
    }

    /** The message the next one sent from the composer replies to, or null. */
    public ReadOnlyObjectProperty<MessageView> replyingToProperty() {
        return replyingTo.getReadOnlyProperty();
    }

    /** The next message sent replies to {@code message} (not to a tombstone). */
    public void startReply(MessageView message) {
        if (!message.deleted()) {
            editing.set(null);
            replyingTo.set(message);
        }
    }

    public void cancelReply() {
        replyingTo.set(null);
    }

    /** The reply target for the message being sent now, cleared: the composer is back to plain messages. */
    MessageView takeReplyTarget() {
        MessageView to = replyingTo.get();
        replyingTo.set(null);
        return to;
    }

    public void cancelEdit() {
        editing.set(null);
    }

    /** Saves {@code text} as the new text of the message being edited (Enter in the composer while editing). */
    public void saveEdit(String text) {
        MessageView m = editing.get();
        if (m == null) {
            return;
        }
        editing.set(null);
        String trimmed = text.strip();
        if (trimmed.equals(m.text())) {
            return;
        }
        tasks.run(() -> services.edit(m, trimmed), now -> replace(m.id(), old -> now.withReactions(old.reactions())
                .withAttachment(old.attachment())), fail);
    }

    public void deleteForMe(MessageView message) {
        tasks.runVoid(() -> services.deleteForMe(message), () -> removed(message.id()), fail);
    }

    public void deleteForEveryone(MessageView message) {
        tasks.runVoid(() -> services.deleteForEveryone(message), () -> deleted(message.id()), fail);
    }

    /** Loads the texts {@code message} had, oldest first, for the "Edit history" dialog. */
    /** The "Message info" shown (when a message was sent, delivered and read), kept current while it is open. */
    public MessageInfoViewModel messageInfo() {
        return info;
    }

    public void editHistory(MessageView message, Consumer<List<UiServices.Version>> show) {
        tasks.run(() -> services.editHistory(message.id()), show, fail);
    }

    /** A service event: the message's author edited it. */
    public void edited(String messageId) {
        if (find(messageId).isEmpty()) {
            return;
        }
        tasks.run(() -> services.editHistory(messageId), versions -> {
            if (!versions.isEmpty()) {
                replace(messageId, old -> old.withEdit(versions.get(versions.size() - 1).text()));
            }
        }, fail);
    }

    /** A service event: the message was deleted for everyone; it shows as a tombstone. */
    public void deleted(String messageId) {
        replace(messageId, MessageView::asDeleted);
        forgetQuotedText(java.util.Set.of(messageId));
        MessageView target = replyingTo.get();
        if (target != null && target.id().equals(messageId)) {
            replyingTo.set(null);
        }
        MessageView being = editing.get();
        if (being != null && being.id().equals(messageId)) {
            editing.set(null);
        }
    }

    /** A service event: the message was removed from this device; its row goes (and a day divider left empty). */
    public void removed(String messageId) {
        find(messageId).ifPresent(i -> {
            rows.remove((int) i);
            boolean dividerAbove = i > 0 && rows.get(i - 1) instanceof ChatRow.DayDivider;
            boolean messageBelow = i < rows.size() && rows.get(i) instanceof ChatRow.MessageRow;
            if (dividerAbove && !messageBelow) {
                rows.remove(i - 1);
            }
        });
        forgetQuotedText(java.util.Set.of(messageId));
    }

    /**
     * Drops the loaded rows of these messages (a sweep batch) in one change of the list, with any day divider left
     * without a message under it.
     */
    public void removedAll(java.util.Set<String> messageIds) {
        java.util.Set<ChatRow> gone = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (ChatRow row : rows) {
            if (row instanceof ChatRow.MessageRow m && messageIds.contains(m.message().id())) {
                gone.add(row);
            }
        }
        if (gone.isEmpty()) {
            return;
        }
        ChatRow divider = null;
        for (ChatRow row : rows) {
            if (gone.contains(row)) {
                continue;
            }
            if (row instanceof ChatRow.DayDivider) {
                if (divider != null) {
                    gone.add(divider);
                }
                divider = row;
            } else if (row instanceof ChatRow.MessageRow) {
                divider = null;
            }
        }
        if (divider != null) {
            gone.add(divider);
        }
        rows.removeAll(gone);
        forgetQuotedText(messageIds);
    }

    /**
     * Loaded replies that copied text from these messages (deleted or removed) show it gone, as the store now has it
     * and a reloaded page would: the text the user deleted does not stay on screen in a quote.
     */
    private void forgetQuotedText(java.util.Set<String> messageIds) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof ChatRow.MessageRow row && row.message().quote()
                    .filter(q -> q.snippet().isPresent() && messageIds.contains(q.targetId())).isPresent()) {
                rows.set(i, new ChatRow.MessageRow(row.message().withoutQuotedText(), row.firstOfGroup()));
            }
        }
    }

    /** Changes the loaded row of message {@code messageId}, if it is loaded. */
    void replace(String messageId, java.util.function.UnaryOperator<MessageView> change) {
        find(messageId).ifPresent(i -> {
            ChatRow.MessageRow row = (ChatRow.MessageRow) rows.get(i);
            rows.set(i, new ChatRow.MessageRow(change.apply(row.message()), row.firstOfGroup()));
        });
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
        tasks.run(() -> services.reactions(messageId), now -> replace(messageId, old -> old.withReactions(now)), fail);
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
