package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.QuoteView;
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
 * older pages on demand, or around a search result with newer pages on demand. At most {@link #WINDOW_MESSAGES}
 * bubbles are held: loading a page at one end drops the far end (it is loaded again when scrolled back to), so a
 * 100,000-message conversation costs the same memory and list work as a short one. The composer draft; the contact's trust (an identity-key change blocks sending until
 * acknowledged) and typing indicator. Observable state only; no {@code Stage} or {@code Node}.
 *
 * <p>All methods are called on the UI thread; service calls run through {@link BackgroundTasks}.
 */
public final class ChatViewModel {
    /** Messages per history page. The list is virtualized, so a page only needs to fill a screen or two. */
    public static final int PAGE_SIZE = 60;
    /** The most bubbles held at once: four pages, many screens' worth. */
    public static final int WINDOW_MESSAGES = 4 * PAGE_SIZE;

    private final UiServices services;
    private final BackgroundTasks tasks;
    private final ChatTimeline timeline;
    private final UserMessages messages;

    private final ObservableList<ChatRow> rows = FXCollections.observableArrayList();
    private final MessageActionsViewModel actions;
    private final AttachmentsViewModel attachments;
    private final DisappearingTimerViewModel timer;
    private final GroupTypingViewModel groupTyping;
    private final ReadOnlyObjectWrapper<ContactView> contact = new ReadOnlyObjectWrapper<>(this, "contact");
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final ReadOnlyBooleanWrapper typing = new ReadOnlyBooleanWrapper(this, "typing");
    private final ReadOnlyBooleanWrapper loadingOlder = new ReadOnlyBooleanWrapper(this, "loadingOlder");
    private final ReadOnlyBooleanWrapper loadingNewer = new ReadOnlyBooleanWrapper(this, "loadingNewer");
    private final ReadOnlyStringWrapper highlighted = new ReadOnlyStringWrapper(this, "highlighted", "");
    private final ObjectProperty<IntConsumer> onDroppedTop = new SimpleObjectProperty<>(this, "onDroppedTop");
    private final ObjectProperty<IntConsumer> onScrollToRow = new SimpleObjectProperty<>(this, "onScrollToRow");
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
    /** The newest loaded message's position while newer messages exist that are not loaded (after a search jump). */
    private OptionalLong newerCursor = OptionalLong.empty();
    private boolean sentTyping;
    private long generation;

    public ChatViewModel(UiServices services, BackgroundTasks tasks, ChatTimeline timeline, UserMessages messages) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.timeline = Objects.requireNonNull(timeline);
        this.messages = Objects.requireNonNull(messages);
        this.actions = new MessageActionsViewModel(services, tasks, rows, this::fail);
        this.attachments = new AttachmentsViewModel(services, tasks, messages, contact::get, this::fileSent,
                actions::replace);
        this.timer = new DisappearingTimerViewModel(services, tasks, contact::get, this::reloadNewest, this::fail);
        this.groupTyping = new GroupTypingViewModel(messages);
        identityChanged = Bindings.createBooleanBinding(
                () -> contact.get() != null && contact.get().identityChanged(), contact);
        canSend = Bindings.createBooleanBinding(
                () -> contact.get() != null && contact.get().canSend() && !draft.get().isBlank(), contact, draft);
        draft.addListener((obs, was, now) -> typingChanged(now));
        contact.addListener((obs, was, now) -> loadShownKey(now));
    }

    /** The new identity key the warning on screen is about; accepting acts on this key only. */
    private byte[] shownPendingKey;

    private void loadShownKey(ContactView c) {
        shownPendingKey = null;
        if (c == null || !c.identityChanged()) {
            return;
        }
        tasks.run(() -> services.pendingKey(c.username()), key -> {
            ContactView now = contact.get();
            if (now != null && now.username().equals(c.username())) {
                shownPendingKey = key.orElse(null);
            }
        }, this::fail);
    }

    public ObservableList<ChatRow> rows() {
        return rows;
    }

    /** What the user does to one message: react, and later reply, edit, delete. */
    public MessageActionsViewModel actions() {
        return actions;
    }

    /** The open conversation's disappearing-messages timer. */
    public DisappearingTimerViewModel timer() {
        return timer;
    }

    /** Who is typing in the open group (the header's "alice is typing…"). */
    public GroupTypingViewModel groupTyping() {
        return groupTyping;
    }

    /** Files: the one chosen to send, uploads, downloads, thumbnails. */
    public AttachmentsViewModel attachments() {
        return attachments;
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

    public ReadOnlyBooleanProperty loadingNewerProperty() {
        return loadingNewer.getReadOnlyProperty();
    }

    /** The id of the message a search jump landed on, shown highlighted until {@link #clearHighlight()}; or "". */
    public ReadOnlyStringProperty highlightedProperty() {
        return highlighted.getReadOnlyProperty();
    }

    /** Called with the number of rows removed at the top after a newer page loaded, so the view keeps its place. */
    public ObjectProperty<IntConsumer> onDroppedTopProperty() {
        return onDroppedTop;
    }

    /** Called with the row index a search jump landed on, so the view scrolls it into the middle. */
    public ObjectProperty<IntConsumer> onScrollToRowProperty() {
        return onScrollToRow;
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

    /** Whether newer messages exist below the loaded ones (after a search jump or after scrolling far back). */
    public boolean hasNewer() {
        return newerCursor.isPresent();
    }

    /** Opens the conversation with {@code c}: loads its newest page and marks it read. */
    public void open(ContactView c) {
        long gen = reset(c);
        timer.reload();
        loadNewest(c, gen, true);
    }

    /**
     * Opens the conversation of a search result positioned at {@code target}: the page up to and including it and
     * the page after it, the target highlighted and scrolled to; newer pages load on demand when scrolling down.
     */
    public void openAt(ContactView c, MessageView target) {
        if (!c.username().equals(target.contact())) {
            throw new IllegalArgumentException("the message is not in this conversation");
        }
        long gen = reset(c);
        timer.reload();
        long position = target.position();
        tasks.run(() -> new Around(services.history(c.username(), PAGE_SIZE, OptionalLong.of(position + 1)),
                services.newer(c.username(), PAGE_SIZE, position)), around -> {
            if (gen != generation) {
                return;
            }
            List<MessageView> newestFirst = new java.util.ArrayList<>(around.after());
            java.util.Collections.reverse(newestFirst);
            newestFirst.addAll(around.before().newestFirst());
            rows.setAll(timeline.rows(newestFirst, false));
            olderCursor = around.before().older();
            newerCursor = around.after().size() < PAGE_SIZE ? OptionalLong.empty()
                    : OptionalLong.of(around.after().get(around.after().size() - 1).position());
            highlighted.set(target.id());
            int index = indexOf(target.id());
            IntConsumer callback = onScrollToRow.get();
            if (callback != null && index >= 0) {
                callback.accept(index);
            }
            markReadIfActive(newestFirst);
        }, this::fail);
    }

    /**
     * Shows the original a reply quotes: highlighted where it is loaded, else its page is loaded as for a search
     * result; "original not found" when this history does not have it (any more).
     */
    public void jumpToOriginal(QuoteView quote) {
        ContactView c = contact.get();
        if (c == null) {
            return;
        }
        int loaded = indexOf(quote.targetId());
        if (loaded >= 0) {
            highlighted.set(quote.targetId());
            IntConsumer callback = onScrollToRow.get();
            if (callback != null) {
                callback.accept(loaded);
            }
            return;
        }
        tasks.run(() -> services.message(quote.targetId()), original -> {
            if (original.isPresent() && original.get().contact().equals(c.username()) && contact.get() == c) {
                openAt(c, original.get());
            } else if (contact.get() == c) {
                error.set(messages.get("message.reply.notFound"));
            }
        }, this::fail);
    }

    /** Ends the search-jump highlight. */
    public void clearHighlight() {
        highlighted.set("");
    }

    private long reset(ContactView c) {
        long gen = ++generation;
        actions.cancelEdit();
        actions.cancelReply();
        attachments.conversationChanged();
        contact.set(c);
        groupTyping.opened(c);
        rows.clear();
        early.clear();
        typing.set(false);
        error.set("");
        highlighted.set("");
        olderCursor = OptionalLong.empty();
        newerCursor = OptionalLong.empty();
        loadingOlder.set(false);
        loadingNewer.set(false);
        sentTyping = false;
        draft.set("");
        return gen;
    }

    private void loadNewest(ContactView c, long gen, boolean markUnread) {
        tasks.run(() -> services.history(c.username(), PAGE_SIZE, OptionalLong.empty()), page -> {
            if (gen != generation) {
                return;
            }
            rows.setAll(timeline.rows(page.newestFirst(), markUnread));
            olderCursor = page.older();
            newerCursor = OptionalLong.empty();
            scrollToEnd();
            markReadIfActive(page.newestFirst());
        }, this::fail);
    }

    /** Shows the newest page again (after this user changed the timer: its system line is there). */
    private void reloadNewest() {
        ContactView c = contact.get();
        if (c != null) {
            loadNewest(c, ++generation, false);
        }
    }

    private int indexOf(String messageId) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof ChatRow.MessageRow && ((ChatRow.MessageRow) rows.get(i)).id().equals(messageId)) {
                return i;
            }
        }
        return -1;
    }

    /** Closes the conversation (for example after locking). */
    public void close() {
        generation++;
        contact.set(null);
        groupTyping.opened(null);
        rows.clear();
        early.clear();
        olderCursor = OptionalLong.empty();
        newerCursor = OptionalLong.empty();
        highlighted.set("");
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
            fail(e);
        });
    }

    /** Loads the next newer page, if newer messages are not loaded and none is loading; the view calls this near the bottom. */
    public void loadNewer() {
        ContactView c = contact.get();
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
                int removed = timeline.dropOldest(rows, excess);
                olderCursor = OptionalLong.of(oldestLoaded().position());
                IntConsumer callback = onDroppedTop.get();
                if (callback != null) {
                    callback.accept(removed);
                }
            }
            markReadIfActive(page);
        }, e -> {
            loadingNewer.set(false);
            fail(e);
        });
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
        MessageView replyTo = actions.takeReplyTarget();
        tasks.run(() -> replyTo == null ? services.send(c.username(), text) : services.reply(replyTo, text),
                sent -> sentByUser(gen, c, sent), this::fail);
    }

    /** A file the user sent (its upload finished): shown like a sent text if its conversation is still open. */
    private void fileSent(MessageView sent) {
        ContactView c = contact.get();
        if (c != null && c.username().equals(sent.contact())) {
            sentByUser(generation, c, sent);
        } else {
            java.util.function.Consumer<MessageView> callback = onSent.get();
            if (callback != null) {
                callback.accept(sent);
            }
        }
    }

    private void sentByUser(long gen, ContactView c, MessageView sent) {
        if (gen == generation) {
            ChatTimeline.removeUnreadMarker(rows); // a reply: like Signal, the "new messages" marker goes
        }
        if (gen == generation && newerCursor.isPresent()) {
            loadNewest(c, ++generation, false);
        } else if (gen == generation) {
            appendOrUpdate(sent);
        }
        java.util.function.Consumer<MessageView> callback = onSent.get();
        if (callback != null) {
            callback.accept(sent);
        }
    }

    /** Accepts the contact's new identity key after the warning; sending is allowed again afterwards. */
    public void acknowledgeIdentityChange() {
        ContactView c = contact.get();
        if (c == null) {
            return;
        }
        byte[] key = shownPendingKey;
        if (key == null) {
            return;
        }
        tasks.run(() -> services.acknowledgeIdentityChange(c.username(), key), this::contactChanged, this::fail);
    }

    /** A service event: a message arrived. */
    public void messageReceived(MessageView message) {
        ContactView c = contact.get();
        if (c == null || !c.username().equals(message.contact())) {
            return;
        }
        typing.set(false);
        groupTyping.messageFrom(message.sender());
        if (newerCursor.isPresent()) {
            return;
        }
        appendOrUpdate(message);
        if (message.system()) {
            timer.reload();
        }
        attachments.resolve(message);
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
        List<ChatRow> added = new java.util.ArrayList<>(timeline.append(rows, shown));
        if (shown.unread() && !windowActive.get()) {
            ChatTimeline.markUnseen(rows, added);
        }
        rows.addAll(added);
        int excess = ChatTimeline.messageCount(rows) - WINDOW_MESSAGES - PAGE_SIZE;
        if (excess > 0) {
            int removed = timeline.dropOldest(rows, excess + PAGE_SIZE);
            olderCursor = OptionalLong.of(oldestLoaded().position());
            IntConsumer callback = onDroppedTop.get();
            if (callback != null) {
                callback.accept(removed);
            }
        }
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

    private record Around(UiServices.Page before, List<MessageView> after) {
    }

    private void fail(Exception e) {
        error.set(messages.describe(e));
    }
}
