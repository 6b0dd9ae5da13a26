package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.UiServices;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * What happens to the open conversation's rows while it is open ({@link ChatViewModel}'s live side): messages that
 * arrive or that this user sent, state changes (also those that overtake their message's row), the contact's typing
 * indicator, and marking what the user sees read while the window is active.
 *
 * <p>UI thread only; service calls run through {@link BackgroundTasks}.
 */
final class ChatUpdates {
    private static final int MAX_EARLY = 256;

    private final UiServices services;
    private final BackgroundTasks tasks;
    private final ChatTimeline timeline;
    private final ObservableList<ChatRow> rows;
    private final ChatPaging paging;
    private final ReadOnlyObjectProperty<ContactView> contact;
    private final GroupTypingViewModel groupTyping;
    /** A system line arrived: the timer may have changed. */
    private final Runnable timerChanged;
    private final Consumer<MessageView> resolveAttachment;
    private final Consumer<Exception> fail;

    final ReadOnlyBooleanWrapper typing = new ReadOnlyBooleanWrapper(this, "typing");
    final BooleanProperty windowActive = new SimpleBooleanProperty(this, "windowActive", true);
    final ObjectProperty<Consumer<MessageView>> onSent = new SimpleObjectProperty<>(this, "onSent");
    final ObjectProperty<Consumer<String>> onRead = new SimpleObjectProperty<>(this, "onRead");

    /**
     * State changes that arrived before their message's row (a receipt can overtake the relay's acknowledgement
     * and the send call's own return), applied when the row appears. Cleared with the conversation.
     */
    private final Map<String, List<Function<Boolean, MessageView.Status>>> early = new HashMap<>();

    ChatUpdates(UiServices services, BackgroundTasks tasks, ChatTimeline timeline, ObservableList<ChatRow> rows,
                ChatPaging paging, ReadOnlyObjectProperty<ContactView> contact, GroupTypingViewModel groupTyping,
                Runnable timerChanged, Consumer<MessageView> resolveAttachment, Consumer<Exception> fail) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.timeline = Objects.requireNonNull(timeline);
        this.rows = Objects.requireNonNull(rows);
        this.paging = Objects.requireNonNull(paging);
        this.contact = Objects.requireNonNull(contact);
        this.groupTyping = Objects.requireNonNull(groupTyping);
        this.timerChanged = Objects.requireNonNull(timerChanged);
        this.resolveAttachment = Objects.requireNonNull(resolveAttachment);
        this.fail = Objects.requireNonNull(fail);
    }

    /** Another conversation opened: nothing early, nobody typing. */
    void reset() {
        early.clear();
        typing.set(false);
    }

    /** The conversation closed. */
    void close() {
        early.clear();
    }

    /** A message arrived. */
    void messageReceived(MessageView message) {
        ContactView c = contact.get();
        if (c == null || !c.username().equals(message.contact())) {
            return;
        }
        typing.set(false);
        groupTyping.messageFrom(message.sender());
        if (paging.hasNewer()) {
            return;
        }
        appendOrUpdate(message);
        if (message.system()) {
            timerChanged.run();
        }
        resolveAttachment.accept(message);
        markReadIfActive(List.of(message));
    }

    /** A message's state changed; {@code statusFor} gives the new status, given whether the message is outgoing. */
    void messageStatusChanged(String contactName, String messageId, Function<Boolean, MessageView.Status> statusFor) {
        ContactView c = contact.get();
        if (c == null || !c.username().equals(contactName)) {
            return;
        }
        for (int i = rows.size() - 1; i >= 0; i--) {
            ChatRow row = rows.get(i);
            if (row instanceof ChatRow.MessageRow && ((ChatRow.MessageRow) row).id().equals(messageId)) {
                ChatRow.MessageRow m = (ChatRow.MessageRow) row;
                MessageView.Status next = statusFor.apply(m.message().outgoing());
                if (m.message().status().canAdvanceTo(next)) {
                    rows.set(i, new ChatRow.MessageRow(m.message().withStatus(next), m.firstOfGroup()));
                }
                return;
            }
        }
        if (early.size() < MAX_EARLY) {
            early.computeIfAbsent(messageId, id -> new ArrayList<>()).add(statusFor);
        }
    }

    /** The contact started or stopped typing. */
    void typingChanged(String contactName, boolean isTyping) {
        ContactView c = contact.get();
        if (c != null && c.username().equals(contactName)) {
            typing.set(isTyping);
        }
    }

    /** The window gained focus: mark what is on screen as read. */
    void windowActivated() {
        markReadIfActive(rows.stream().filter(r -> r instanceof ChatRow.MessageRow)
                .map(r -> ((ChatRow.MessageRow) r).message()).filter(MessageView::unread).toList());
    }

    /** A file the user sent (its upload finished): shown like a sent text if its conversation is still open. */
    void fileSent(MessageView sent) {
        ContactView c = contact.get();
        if (c != null && c.username().equals(sent.contact())) {
            sentByUser(paging.generation(), c, sent);
        } else {
            Consumer<MessageView> callback = onSent.get();
            if (callback != null) {
                callback.accept(sent);
            }
        }
    }

    /** A text this user sent in generation {@code gen} of the conversation with {@code c}. */
    void sentByUser(long gen, ContactView c, MessageView sent) {
        if (gen == paging.generation()) {
            ChatTimeline.removeUnreadMarker(rows); // a reply: like Signal, the "new messages" marker goes
        }
        if (gen == paging.generation() && paging.hasNewer()) {
            paging.reloadNewest(c);
        } else if (gen == paging.generation()) {
            appendOrUpdate(sent);
        }
        Consumer<MessageView> callback = onSent.get();
        if (callback != null) {
            callback.accept(sent);
        }
    }

    /** Marks the newest unread message among {@code shown} read, if the window is active. */
    void markReadIfActive(List<MessageView> shown) {
        if (!windowActive.get()) {
            return;
        }
        Optional<MessageView> newestUnread = shown.stream().filter(MessageView::unread)
                .max(Comparator.comparing(MessageView::sentAt).thenComparingLong(MessageView::position));
        if (newestUnread.isEmpty()) {
            return;
        }
        MessageView m = newestUnread.get();
        tasks.runVoid(() -> services.markRead(m), () -> markedRead(m.contact()), fail::accept);
    }

    private void appendOrUpdate(MessageView message) {
        for (int i = rows.size() - 1; i >= 0 && i >= rows.size() - ChatViewModel.PAGE_SIZE; i--) {
            ChatRow row = rows.get(i);
            if (row instanceof ChatRow.MessageRow && ((ChatRow.MessageRow) row).id().equals(message.id())) {
                ChatRow.MessageRow old = (ChatRow.MessageRow) row;
                if (old.message().status().canAdvanceTo(message.status())) {
                    MessageView kept = message.withReactions(old.message().reactions());
                    rows.set(i, new ChatRow.MessageRow(kept.attachment().isPresent() ? kept
                            : kept.withAttachment(old.message().attachment()), old.firstOfGroup()));
                }
                return;
            }
        }
        MessageView shown = message;
        for (Function<Boolean, MessageView.Status> change : early.getOrDefault(message.id(), List.of())) {
            MessageView.Status next = change.apply(shown.outgoing());
            if (shown.status().canAdvanceTo(next)) {
                shown = shown.withStatus(next);
            }
        }
        early.remove(message.id());
        List<ChatRow> added = new ArrayList<>(timeline.append(rows, shown));
        if (shown.unread() && !windowActive.get()) {
            ChatTimeline.markUnseen(rows, added);
        }
        paging.append(added);
    }

    private void markedRead(String contactName) {
        ContactView c = contact.get();
        if (c != null && c.username().equals(contactName)) {
            for (int i = 0; i < rows.size(); i++) {
                ChatRow row = rows.get(i);
                if (row instanceof ChatRow.MessageRow && ((ChatRow.MessageRow) row).message().unread()) {
                    ChatRow.MessageRow m = (ChatRow.MessageRow) row;
                    rows.set(i, new ChatRow.MessageRow(m.message().withStatus(MessageView.Status.SEEN),
                            m.firstOfGroup()));
                }
            }
        }
        Consumer<String> callback = onRead.get();
        if (callback != null) {
            callback.accept(contactName);
        }
    }
}
