package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.IntConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open conversation: rows (bubbles, day dividers, unread marker) loaded a page at a time, newest page first and
 * older pages on demand; the composer draft; the contact's trust (an identity-key change blocks sending until
 * acknowledged) and typing indicator. Observable state only; no {@code Stage} or {@code Node}.
 *
 * <p>All methods are called on the UI thread; service calls run through {@link BackgroundTasks}.
 */
public final class ChatViewModel {
    /** Messages per history page. The list is virtualized, so a page only needs to fill a screen or two. */
    public static final int PAGE_SIZE = 60;

    private final UiServices services;
    private final BackgroundTasks tasks;
    private final ChatTimeline timeline;
    private final UserMessages messages;

    private final ObservableList<ChatRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ContactView> contact = new ReadOnlyObjectWrapper<>(this, "contact");
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final ReadOnlyBooleanWrapper typing = new ReadOnlyBooleanWrapper(this, "typing");
    private final ReadOnlyBooleanWrapper loadingOlder = new ReadOnlyBooleanWrapper(this, "loadingOlder");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanProperty windowActive = new SimpleBooleanProperty(this, "windowActive", true);
    private final BooleanProperty sendTypingIndicators = new SimpleBooleanProperty(this, "sendTypingIndicators", true);
    private final ObjectProperty<Runnable> onScrollToEnd = new SimpleObjectProperty<>(this, "onScrollToEnd");
    private final ObjectProperty<IntConsumer> onPrepended = new SimpleObjectProperty<>(this, "onPrepended");
    private final ObjectProperty<java.util.function.Consumer<MessageView>> onSent =
            new SimpleObjectProperty<>(this, "onSent");
    private final ObjectProperty<java.util.function.Consumer<String>> onRead = new SimpleObjectProperty<>(this, "onRead");
    private final BooleanBinding identityChanged;
    private final BooleanBinding canSend;

    /**
     * State changes that arrived before their message's row (a receipt can overtake the relay's acknowledgement
     * and the send call's own return), applied when the row appears. Cleared with the conversation.
     */
    private final java.util.Map<String, List<Function<Boolean, MessageView.Status>>> early = new java.util.HashMap<>();
    private static final int MAX_EARLY = 256;
    private OptionalLong olderCursor = OptionalLong.empty();
    private boolean sentTyping;
    private long generation;

    public ChatViewModel(UiServices services, BackgroundTasks tasks, ChatTimeline timeline, UserMessages messages) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.timeline = Objects.requireNonNull(timeline);
        this.messages = Objects.requireNonNull(messages);
        identityChanged = Bindings.createBooleanBinding(
                () -> contact.get() != null && contact.get().identityChanged(), contact);
        canSend = Bindings.createBooleanBinding(
                () -> contact.get() != null && contact.get().canSend() && !draft.get().isBlank(), contact, draft);
        draft.addListener((obs, was, now) -> typingChanged(now));
    }

    public ObservableList<ChatRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<ContactView> contactProperty() {
        return contact.getReadOnlyProperty();
    }

    public StringProperty draftProperty() {
        return draft;
    }

    public ReadOnlyBooleanProperty typingProperty() {
        return typing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingOlderProperty() {
        return loadingOlder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether the composer may send now: a contact is open, its key is accepted, and the draft is not blank. */
    public BooleanBinding canSendBinding() {
        return canSend;
    }

    /** True while the contact's identity key changed and the user has not acknowledged it: sending is blocked. */
    public BooleanBinding identityChangedBinding() {
        return identityChanged;
    }

    /** Whether the window is focused; incoming messages are marked read only then. */
    public BooleanProperty windowActiveProperty() {
        return windowActive;
    }

    /** The "send typing indicators" setting. */
    public BooleanProperty sendTypingIndicatorsProperty() {
        return sendTypingIndicators;
    }

    /** Called after rows were appended at the end, so the view can follow the conversation. */
    public ObjectProperty<Runnable> onScrollToEndProperty() {
        return onScrollToEnd;
    }

    /** Called with the number of rows inserted at the top after an older page loaded, so the view keeps its place. */
    public ObjectProperty<IntConsumer> onPrependedProperty() {
        return onPrepended;
    }

    /** Called with every message this user sent (the conversation list shows it as the preview). */
    public ObjectProperty<java.util.function.Consumer<MessageView>> onSentProperty() {
        return onSent;
    }

    /** Called with the contact's name after its conversation was marked read. */
    public ObjectProperty<java.util.function.Consumer<String>> onReadProperty() {
        return onRead;
    }

    public boolean hasOlder() {
        return olderCursor.isPresent();
    }

    /** Opens the conversation with {@code c}: loads its newest page and marks it read. */
    public void open(ContactView c) {
        long gen = ++generation;
        contact.set(c);
        rows.clear();
        early.clear();
        typing.set(false);
        error.set("");
        olderCursor = OptionalLong.empty();
        sentTyping = false;
        draft.set("");
        tasks.run(() -> services.history(c.username(), PAGE_SIZE, OptionalLong.empty()), page -> {
            if (gen != generation) {
                return;
            }
            rows.setAll(timeline.rows(page.newestFirst(), true));
            olderCursor = page.older();
            scrollToEnd();
            markReadIfActive(page.newestFirst());
        }, this::fail);
    }

    /** Closes the conversation (for example after locking). */
    public void close() {
        generation++;
        contact.set(null);
        rows.clear();
        early.clear();
        olderCursor = OptionalLong.empty();
    }

    /** Loads the next older page, if there is one and none is loading; the view calls this near the top. */
    public void loadOlder() {
        ContactView c = contact.get();
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
            int before = rows.size();
            rows.setAll(timeline.prepend(List.copyOf(rows), page.newestFirst()));
            olderCursor = page.older();
            IntConsumer callback = onPrepended.get();
            if (callback != null) {
                callback.accept(rows.size() - before);
            }
        }, e -> {
            loadingOlder.set(false);
            fail(e);
        });
    }

    /** Sends the draft (Enter in the composer). Does nothing when {@link #canSendBinding()} is false. */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        String text = draft.get().strip();
        draft.set("");
        sendText(text);
    }

    /** Sends the text of a failed message again, as a new message. */
    public void retry(MessageView failed) {
        if (failed.status() == MessageView.Status.FAILED && contact.get() != null && contact.get().canSend()) {
            sendText(failed.text());
        }
    }

    private void sendText(String text) {
        ContactView c = contact.get();
        long gen = generation;
        error.set("");
        tasks.run(() -> services.send(c.username(), text), sent -> {
            if (gen == generation) {
                appendOrUpdate(sent);
            }
            java.util.function.Consumer<MessageView> callback = onSent.get();
            if (callback != null) {
                callback.accept(sent);
            }
        }, this::fail);
    }

    /** Accepts the contact's new identity key after the warning; sending is allowed again afterwards. */
    public void acknowledgeIdentityChange() {
        ContactView c = contact.get();
        if (c == null) {
            return;
        }
        tasks.run(() -> services.acknowledgeIdentityChange(c.username()), this::contactChanged, this::fail);
    }

    /** A service event: a message arrived. */
    public void messageReceived(MessageView message) {
        ContactView c = contact.get();
        if (c == null || !c.username().equals(message.contact())) {
            return;
        }
        typing.set(false);
        appendOrUpdate(message);
        markReadIfActive(List.of(message));
    }

    /**
     * A service event: a message's state changed.
     *
     * @param statusFor the new status, given whether the message is outgoing
     */
    public void messageStatusChanged(String contactName, String messageId, Function<Boolean, MessageView.Status> statusFor) {
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
            early.computeIfAbsent(messageId, id -> new java.util.ArrayList<>()).add(statusFor);
        }
    }

    /** A service event: the contact's trust changed. */
    public void contactChanged(ContactView changed) {
        ContactView c = contact.get();
        if (c != null && c.username().equals(changed.username())) {
            contact.set(changed);
        }
    }

    /** A service event: the contact started or stopped typing. */
    public void typingChanged(String contactName, boolean isTyping) {
        ContactView c = contact.get();
        if (c != null && c.username().equals(contactName)) {
            typing.set(isTyping);
        }
    }

    /** The window gained focus: mark what is on screen as read. */
    public void windowActivated() {
        markReadIfActive(rows.stream().filter(r -> r instanceof ChatRow.MessageRow)
                .map(r -> ((ChatRow.MessageRow) r).message()).filter(MessageView::unread).toList());
    }

    private void appendOrUpdate(MessageView message) {
        for (int i = rows.size() - 1; i >= 0 && i >= rows.size() - PAGE_SIZE; i--) {
            ChatRow row = rows.get(i);
            if (row instanceof ChatRow.MessageRow && ((ChatRow.MessageRow) row).id().equals(message.id())) {
                ChatRow.MessageRow old = (ChatRow.MessageRow) row;
                if (old.message().status().canAdvanceTo(message.status())) {
                    rows.set(i, new ChatRow.MessageRow(message, old.firstOfGroup()));
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
        rows.addAll(timeline.append(rows, shown));
        scrollToEnd();
    }

    private void markReadIfActive(List<MessageView> shown) {
        if (!windowActive.get()) {
            return;
        }
        Optional<MessageView> newestUnread = shown.stream().filter(MessageView::unread)
                .max(Comparator.comparing(MessageView::sentAt).thenComparingLong(MessageView::position));
        if (newestUnread.isEmpty()) {
            return;
        }
        MessageView m = newestUnread.get();
        tasks.runVoid(() -> services.markRead(m), () -> markedRead(m.contact()), this::fail);
    }

    private void markedRead(String contactName) {
        ContactView c = contact.get();
        if (c != null && c.username().equals(contactName)) {
            for (int i = 0; i < rows.size(); i++) {
                ChatRow row = rows.get(i);
                if (row instanceof ChatRow.MessageRow && ((ChatRow.MessageRow) row).message().unread()) {
                    ChatRow.MessageRow m = (ChatRow.MessageRow) row;
                    rows.set(i, new ChatRow.MessageRow(m.message().withStatus(MessageView.Status.SEEN), m.firstOfGroup()));
                }
            }
        }
        java.util.function.Consumer<String> callback = onRead.get();
        if (callback != null) {
            callback.accept(contactName);
        }
    }

    private void typingChanged(String text) {
        ContactView c = contact.get();
        boolean nowTyping = text != null && !text.isBlank();
        if (c == null || nowTyping == sentTyping || !c.canSend() || !sendTypingIndicators.get() && nowTyping) {
            return;
        }
        sentTyping = nowTyping;
        String name = c.username();
        tasks.runVoid(() -> services.setTyping(name, nowTyping), () -> { }, this::fail);
    }

    private void scrollToEnd() {
        Runnable r = onScrollToEnd.get();
        if (r != null) {
            r.run();
        }
    }

    private void fail(Exception e) {
        error.set(messages.describe(e));
    }
}
