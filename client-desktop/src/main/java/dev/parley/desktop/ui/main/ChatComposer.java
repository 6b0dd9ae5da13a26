package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.UiServices;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * {@link ChatViewModel}'s composer: the draft, sending it (as a reply when one is being composed) or a failed text
 * again, this user's typing indicator, and the trust gate in front of sending (an identity-key change blocks sending
 * until the user accepts the key that was shown).
 *
 * <p>UI thread only; service calls run through {@link BackgroundTasks}.
 */
final class ChatComposer {
    /** Told of every text this user sent, with the conversation's generation when it was sent. */
    interface Sent {
        void sent(long generation, ContactView contact, MessageView message);
    }

    private final UiServices services;
    private final BackgroundTasks tasks;
    private final ReadOnlyObjectProperty<ContactView> contact;
    private final MessageActionsViewModel actions;
    private final LongSupplier generation;
    private final Sent sent;
    private final Consumer<ContactView> contactChanged;
    private final Runnable clearError;
    private final Consumer<Exception> fail;

    final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    final BooleanProperty sendTypingIndicators = new SimpleBooleanProperty(this, "sendTypingIndicators", true);
    final BooleanBinding identityChanged;
    final BooleanBinding canSend;
    /** The message key saying why the composer is closed, or null while it is open. */
    final StringBinding closedBecause;

    /** The new identity key the warning on screen is about; accepting acts on this key only. */
    private byte[] shownPendingKey;
    private boolean sentTyping;

    ChatComposer(UiServices services, BackgroundTasks tasks, ReadOnlyObjectProperty<ContactView> contact,
                 MessageActionsViewModel actions, LongSupplier generation, Sent sent,
                 Consumer<ContactView> contactChanged, Runnable clearError, Consumer<Exception> fail) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.contact = Objects.requireNonNull(contact);
        this.actions = Objects.requireNonNull(actions);
        this.generation = Objects.requireNonNull(generation);
        this.sent = Objects.requireNonNull(sent);
        this.contactChanged = Objects.requireNonNull(contactChanged);
        this.clearError = Objects.requireNonNull(clearError);
        this.fail = Objects.requireNonNull(fail);
        identityChanged = Bindings.createBooleanBinding(
                () -> contact.get() != null && contact.get().identityChanged(), contact);
        closedBecause = Bindings.createStringBinding(
                () -> contact.get() == null ? null : contact.get().composerBlock().orElse(null), contact);
        canSend = Bindings.createBooleanBinding(
                () -> contact.get() != null && contact.get().canSend() && !draft.get().isBlank(), contact, draft);
        draft.addListener((obs, was, now) -> typingChanged(now));
        contact.addListener((obs, was, now) -> loadShownKey(now));
    }

    /** Another conversation opened: an empty draft, and no typing indicator sent for it yet. */
    void reset() {
        sentTyping = false;
        draft.set("");
    }

    /** Sends the draft. Does nothing while {@link #canSend} is false. */
    void send() {
        if (!canSend.get()) {
            return;
        }
        String text = draft.get().strip();
        draft.set("");
        sendText(text);
    }

    /** Sends the text of a failed message again, as a new message. */
    void retry(MessageView failed) {
        if (failed.status() == MessageView.Status.FAILED && contact.get() != null && contact.get().canSend()) {
            sendText(failed.text());
        }
    }

    /** Accepts the contact's new identity key that the warning showed; sending is allowed again afterwards. */
    void acknowledgeIdentityChange() {
        ContactView c = contact.get();
        if (c == null) {
            return;
        }
        byte[] key = shownPendingKey;
        if (key == null) {
            return;
        }
        tasks.run(() -> services.acknowledgeIdentityChange(c.username(), key), contactChanged::accept, fail::accept);
    }

    private void sendText(String text) {
        ContactView c = contact.get();
        long gen = generation.getAsLong();
        clearError.run();
        MessageView replyTo = actions.takeReplyTarget();
        tasks.run(() -> replyTo == null ? services.send(c.username(), text) : services.reply(replyTo, text),
                message -> sent.sent(gen, c, message), fail::accept);
    }

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
        }, fail::accept);
    }

    private void typingChanged(String text) {
        ContactView c = contact.get();
        boolean nowTyping = text != null && !text.isBlank();
        if (c == null || nowTyping == sentTyping || !c.canSend() || !sendTypingIndicators.get() && nowTyping) {
            return;
        }
        sentTyping = nowTyping;
        String name = c.username();
        tasks.runVoid(() -> services.setTyping(name, nowTyping), () -> { }, fail::accept);
    }
}
