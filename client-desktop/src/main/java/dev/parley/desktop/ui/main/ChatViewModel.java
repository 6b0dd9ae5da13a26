package dev.parley.desktop.ui.main;

import dev.parley.desktop.service.ChatMessage;
import dev.parley.desktop.service.Contact;
import dev.parley.desktop.service.ContactService;
import dev.parley.desktop.service.Direction;
import dev.parley.desktop.service.HistoryPage;
import dev.parley.desktop.service.MessageState;
import dev.parley.desktop.service.MessagingService;
import dev.parley.desktop.service.PageCursor;
import dev.parley.desktop.service.TrustState;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    private final MessagingService messaging;
    private final ContactService contacts;
    private final BackgroundTasks tasks;
    private final ChatTimeline timeline;
    private final UserMessages messages;

    private final ObservableList<ChatRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Contact> contact = new ReadOnlyObjectWrapper<>(this, "contact");
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final ReadOnlyBooleanWrapper typing = new ReadOnlyBooleanWrapper(this, "typing");
    private final ReadOnlyBooleanWrapper loadingOlder = new ReadOnlyBooleanWrapper(this, "loadingOlder");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanProperty windowActive = new SimpleBooleanProperty(this, "windowActive", true);
    private final ObjectProperty<Runnable> onScrollToEnd = new SimpleObjectProperty<>(this, "onScrollToEnd");
    private final ObjectProperty<java.util.function.IntConsumer> onPrepended = new SimpleObjectProperty<>(this, "onPrepended");
    private final BooleanBinding identityChanged;
    private final BooleanBinding canSend;

    private Optional<PageCursor> olderCursor = Optional.empty();
    private boolean sentTyping;
    private long generation;

    public ChatViewModel(MessagingService messaging, ContactService contacts, BackgroundTasks tasks,
                         ChatTimeline timeline, UserMessages messages) {
        this.messaging = Objects.requireNonNull(messaging);
        this.contacts = Objects.requireNonNull(contacts);
        this.tasks = Objects.requireNonNull(tasks);
        this.timeline = Objects.requireNonNull(timeline);
        this.messages = Objects.requireNonNull(messages);
        identityChanged = Bindings.createBooleanBinding(
                () -> contact.get() != null && contact.get().trust() == TrustState.IDENTITY_CHANGED, contact);
        canSend = Bindings.createBooleanBinding(
                () -> contact.get() != null && contact.get().canSend() && !draft.get().isBlank(), contact, draft);
        draft.addListener((obs, was, now) -> typingChanged(now));
    }

    public ObservableList<ChatRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<Contact> contactProperty() {
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

    /** Whether the window is focused; incoming messages are marked read only then. Set by the controller. */
    public BooleanProperty windowActiveProperty() {
        return windowActive;
    }

    /** Called after rows were appended at the end, so the view can follow the conversation. */
    public ObjectProperty<Runnable> onScrollToEndProperty() {
        return onScrollToEnd;
    }

    /** Called with the number of rows inserted at the top after an older page loaded, so the view keeps its place. */
    public ObjectProperty<java.util.function.IntConsumer> onPrependedProperty() {
        return onPrepended;
    }

    public boolean hasOlder() {
        return olderCursor.isPresent();
    }

    /** Opens the conversation with {@code c}: loads its newest page and marks it read. */
    public void open(Contact c) {
        long gen = ++generation;
        contact.set(c);
        rows.clear();
        typing.set(false);
        error.set("");
        olderCursor = Optional.empty();
        sentTyping = false;
        draft.set("");
        String name = c.username();
        tasks.run(() -> messaging.history(name, PAGE_SIZE, Optional.empty()), page -> {
            if (gen != generation) {
                return;
            }
            rows.setAll(timeline.rows(page.messages(), true));
            olderCursor = page.before();
            scrollToEnd();
            markReadIfActive(page.messages());
        }, this::fail);
    }

    /** Closes the conversation (for example after locking). */
    public void close() {
        generation++;
        contact.set(null);
        rows.clear();
        olderCursor = Optional.empty();
    }

    /** Loads the next older page, if there is one and none is loading; the view calls this near the top. */
    public void loadOlder() {
        Contact c = contact.get();
        if (c == null || olderCursor.isEmpty() || loadingOlder.get()) {
            return;
        }
        long gen = generation;
        Optional<PageCursor> cursor = olderCursor;
        loadingOlder.set(true);
        tasks.run(() -> messaging.history(c.username(), PAGE_SIZE, cursor), (HistoryPage page) -> {
            loadingOlder.set(false);
            if (gen != generation) {
                return;
            }
            int before = rows.size();
            rows.setAll(timeline.prepend(List.copyOf(rows), page.messages()));
            olderCursor = page.before();
            java.util.function.IntConsumer callback = onPrepended.get();
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
    public void retry(ChatMessage failed) {
        if (failed.state() == MessageState.FAILED && contact.get() != null && contact.get().canSend()) {
            sendText(failed.text());
        }
    }

    private void sendText(String text) {
        Contact c = contact.get();
        long gen = generation;
        tasks.run(() -> messaging.send(c.username(), text), sent -> {
            if (gen == generation) {
                appendOrUpdate(sent);
            }
        }, this::fail);
    }

    /** Accepts the contact's new identity key after the warning; sending is allowed again afterwards. */
    public void acknowledgeIdentityChange() {
        Contact c = contact.get();
        if (c == null) {
            return;
        }
        tasks.run(() -> contacts.acknowledgeIdentityChange(c.username()), this::contactChanged, this::fail);
    }

    /** A service event: a message arrived. */
    public void messageReceived(ChatMessage message) {
        Contact c = contact.get();
        if (c == null || !c.username().equals(message.contact())) {
            return;
        }
        typing.set(false);
        appendOrUpdate(message);
        markReadIfActive(List.of(message));
    }

    /** A service event: a message's state changed. */
    public void messageStateChanged(String contactName, String messageId, MessageState state) {
        Contact c = contact.get();
        if (c == null || !c.username().equals(contactName)) {
            return;
        }
        for (int i = rows.size() - 1; i >= 0; i--) {
            ChatRow row = rows.get(i);
            if (row instanceof ChatRow.MessageRow && ((ChatRow.MessageRow) row).id().equals(messageId)) {
                ChatRow.MessageRow m = (ChatRow.MessageRow) row;
                ChatMessage old = m.message();
                if (old.state().canAdvanceTo(state)) {
                    ChatMessage updated = new ChatMessage(old.id(), old.contact(), old.direction(), old.text(),
                            old.sentAt(), state, state == MessageState.FAILED ? old.failureReason() : Optional.empty());
                    rows.set(i, new ChatRow.MessageRow(updated, m.firstOfGroup()));
                }
                return;
            }
        }
    }

    /** A service event: the contact's trust changed. */
    public void contactChanged(Contact changed) {
        Contact c = contact.get();
        if (c != null && c.username().equals(changed.username())) {
            contact.set(changed);
        }
    }

    /** A service event: the contact started or stopped typing. */
    public void typingChanged(String contactName, boolean isTyping) {
        Contact c = contact.get();
        if (c != null && c.username().equals(contactName)) {
            typing.set(isTyping);
        }
    }

    /** The window gained focus: mark what is on screen as read. */
    public void windowActivated() {
        List<ChatMessage> unread = rows.stream().filter(r -> r instanceof ChatRow.MessageRow)
                .map(r -> ((ChatRow.MessageRow) r).message()).filter(ChatTimeline::isUnread).toList();
        markReadIfActive(unread);
    }

    private void appendOrUpdate(ChatMessage message) {
        for (int i = rows.size() - 1; i >= 0 && i >= rows.size() - PAGE_SIZE; i--) {
            ChatRow row = rows.get(i);
            if (row instanceof ChatRow.MessageRow && ((ChatRow.MessageRow) row).id().equals(message.id())) {
                rows.set(i, new ChatRow.MessageRow(message, ((ChatRow.MessageRow) row).firstOfGroup()));
                return;
            }
        }
        rows.addAll(timeline.append(rows, message));
        scrollToEnd();
    }

    private void markReadIfActive(List<ChatMessage> shown) {
        if (!windowActive.get()) {
            return;
        }
        Optional<ChatMessage> newestUnread = shown.stream().filter(ChatTimeline::isUnread)
                .max(java.util.Comparator.comparing(ChatMessage::sentAt));
        if (newestUnread.isEmpty()) {
            return;
        }
        ChatMessage m = newestUnread.get();
        tasks.runVoid(() -> messaging.markRead(m.contact(), m.id()), () -> markedRead(m.contact()), this::fail);
    }

    private void markedRead(String contactName) {
        Contact c = contact.get();
        if (c == null || !c.username().equals(contactName)) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            ChatRow row = rows.get(i);
            if (row instanceof ChatRow.MessageRow && ChatTimeline.isUnread(((ChatRow.MessageRow) row).message())) {
                ChatRow.MessageRow m = (ChatRow.MessageRow) row;
                ChatMessage old = m.message();
                rows.set(i, new ChatRow.MessageRow(new ChatMessage(old.id(), old.contact(), Direction.INCOMING,
                        old.text(), old.sentAt(), MessageState.READ, Optional.empty()), m.firstOfGroup()));
            }
        }
    }

    private void typingChanged(String text) {
        Contact c = contact.get();
        boolean nowTyping = text != null && !text.isBlank();
        if (c == null || nowTyping == sentTyping || !c.canSend()) {
            return;
        }
        sentTyping = nowTyping;
        tasks.runVoid(() -> messaging.setTyping(c.username(), nowTyping), () -> { }, this::fail);
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
