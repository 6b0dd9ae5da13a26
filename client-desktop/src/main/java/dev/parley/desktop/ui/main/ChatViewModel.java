package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.QuoteView;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open conversation: rows (bubbles, day dividers, unread marker) loaded a page at a time, newest page first and
 * older pages on demand, or around a search result with newer pages on demand. At most {@link #WINDOW_MESSAGES}
 * bubbles are held: loading a page at one end drops the far end (it is loaded again when scrolled back to), so a
 * 100,000-message conversation costs the same memory and list work as a short one ({@link ChatPaging}). The composer
 * draft and the contact's trust, where an identity-key change blocks sending until acknowledged ({@link ChatComposer});
 * arrivals, state changes, typing and read marking ({@link ChatUpdates}). Observable state only; no {@code Stage} or
 * {@code Node}.
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
    private final UserMessages messages;

    private final ObservableList<ChatRow> rows = FXCollections.observableArrayList();
    private final MessageActionsViewModel actions;
    private final AttachmentsViewModel attachments;
    private final DisappearingTimerViewModel timer;
    private final GroupTypingViewModel groupTyping;
    private final ChatPaging paging;
    private final ChatUpdates updates;
    private final ChatComposer composer;
    private final ReadOnlyObjectWrapper<ContactView> contact = new ReadOnlyObjectWrapper<>(this, "contact");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public ChatViewModel(UiServices services, BackgroundTasks tasks, ChatTimeline timeline, UserMessages messages) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        Objects.requireNonNull(timeline);
        this.messages = Objects.requireNonNull(messages);
        this.actions = new MessageActionsViewModel(services, tasks, rows, this::fail);
        this.attachments = new AttachmentsViewModel(services, tasks, messages, contact::get,
                this::fileSent, actions::replace);
        this.timer = new DisappearingTimerViewModel(services, tasks, contact::get, this::reloadNewest, this::fail);
        this.groupTyping = new GroupTypingViewModel(messages);
        this.paging = new ChatPaging(services, tasks, timeline, rows, this::fail, this::markReadIfActive);
        this.updates = new ChatUpdates(services, tasks, timeline, rows, paging, contact.getReadOnlyProperty(),
                groupTyping, timer::reload, attachments::resolve, this::fail);
        this.composer = new ChatComposer(services, tasks, contact.getReadOnlyProperty(), actions, paging::generation,
                updates::sentByUser, this::contactChanged, () -> error.set(""), this::fail);
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
        return composer.draft;
    }

    public ReadOnlyBooleanProperty typingProperty() {
        return updates.typing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingOlderProperty() {
        return paging.loadingOlder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingNewerProperty() {
        return paging.loadingNewer.getReadOnlyProperty();
    }

    /** The id of the message a search jump landed on, shown highlighted until {@link #clearHighlight()}; or "". */
    public ReadOnlyStringProperty highlightedProperty() {
        return paging.highlighted.getReadOnlyProperty();
    }

    /** Called with the number of rows removed at the top after a newer page loaded, so the view keeps its place. */
    public ObjectProperty<IntConsumer> onDroppedTopProperty() {
        return paging.onDroppedTop;
    }

    /** Called with the row index a search jump landed on, so the view scrolls it into the middle. */
    public ObjectProperty<IntConsumer> onScrollToRowProperty() {
        return paging.onScrollToRow;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether the composer may send now: a contact is open, its key is accepted, and the draft is not blank. */
    public BooleanBinding canSendBinding() {
        return composer.canSend;
    }

    /**
     * The message key saying why the composer is closed (an identity change not accepted, a group left or removed
     * from), or null while it is open.
     */
    public javafx.beans.binding.StringBinding composerClosedBinding() {
        return composer.closedBecause;
    }

    /** True while the contact's identity key changed and the user has not acknowledged it: sending is blocked. */
    public BooleanBinding identityChangedBinding() {
        return composer.identityChanged;
    }

    /** Whether the window is focused; incoming messages are marked read only then. */
    public BooleanProperty windowActiveProperty() {
        return updates.windowActive;
    }

    /** The "send typing indicators" setting. */
    public BooleanProperty sendTypingIndicatorsProperty() {
        return composer.sendTypingIndicators;
    }

    /** Called after rows were appended at the end, so the view can follow the conversation. */
    public ObjectProperty<Runnable> onScrollToEndProperty() {
        return paging.onScrollToEnd;
    }

    /** Called with the number of rows inserted at the top after an older page loaded, so the view keeps its place. */
    public ObjectProperty<IntConsumer> onPrependedProperty() {
        return paging.onPrepended;
    }

    /** Called with every message this user sent (the conversation list shows it as the preview). */
    public ObjectProperty<Consumer<MessageView>> onSentProperty() {
        return updates.onSent;
    }

    /** Called with the contact's name after its conversation was marked read. */
    public ObjectProperty<Consumer<String>> onReadProperty() {
        return updates.onRead;
    }

    public boolean hasOlder() {
        return paging.hasOlder();
    }

    /** Whether newer messages exist below the loaded ones (after a search jump or after scrolling far back). */
    public boolean hasNewer() {
        return paging.hasNewer();
    }

    /** Opens the conversation with {@code c}: loads its newest page and marks it read. */
    public void open(ContactView c) {
        long gen = reset(c);
        timer.reload();
        paging.loadNewest(c, gen, true);
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
        paging.loadAround(c, target, gen);
    }

    /**
     * Shows the original a reply quotes: highlighted where it is loaded, else its page is loaded as for a search
     * result; "original not found" when this history does not have it (any more).
     */
    public void jumpToOriginal(QuoteView quote) {
        ContactView c = contact.get();
        if (c == null || paging.showLoaded(quote.targetId())) {
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
        paging.highlighted.set("");
    }

    private long reset(ContactView c) {
        long gen = paging.nextGeneration();
        actions.cancelEdit();
        actions.cancelReply();
        attachments.conversationChanged();
        contact.set(c);
        groupTyping.opened(c);
        paging.reset();
        updates.reset();
        error.set("");
        composer.reset();
        return gen;
    }

    /** Shows the newest page again (after this user changed the timer: its system line is there). */
    private void reloadNewest() {
        ContactView c = contact.get();
        if (c != null) {
            paging.reloadNewest(c);
        }
    }

    /** Closes the conversation (for example after locking). */
    public void close() {
        paging.nextGeneration();
        contact.set(null);
        groupTyping.opened(null);
        paging.close();
        updates.close();
    }

    /** Loads the next older page, if there is one and none is loading; the view calls this near the top. */
    public void loadOlder() {
        paging.loadOlder(contact.get());
    }

    /** Loads the next newer page, if newer messages are not loaded and none is loading; the view calls this near the bottom. */
    public void loadNewer() {
        paging.loadNewer(contact.get());
    }

    /** Sends the draft (Enter in the composer). Does nothing when {@link #canSendBinding()} is false. */
    public void send() {
        composer.send();
    }

    /** Sends the text of a failed message again, as a new message. */
    public void retry(MessageView failed) {
        composer.retry(failed);
    }

    /** Accepts the contact's new identity key after the warning; sending is allowed again afterwards. */
    public void acknowledgeIdentityChange() {
        composer.acknowledgeIdentityChange();
    }

    /** A service event: a message arrived. */
    public void messageReceived(MessageView message) {
        updates.messageReceived(message);
    }

    /**
     * A service event: a message's state changed.
     *
     * @param statusFor the new status, given whether the message is outgoing
     */
    public void messageStatusChanged(String contactName, String messageId, Function<Boolean, MessageView.Status> statusFor) {
        updates.messageStatusChanged(contactName, messageId, statusFor);
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
        updates.typingChanged(contactName, isTyping);
    }

    /** The window gained focus: mark what is on screen as read. */
    public void windowActivated() {
        updates.windowActivated();
    }

    private void fileSent(MessageView sent) {
        updates.fileSent(sent);
    }

    private void markReadIfActive(java.util.List<MessageView> shown) {
        updates.markReadIfActive(shown);
    }

    private void fail(Exception e) {
        error.set(messages.describe(e));
    }
}
