package dev.parley.desktop.ui.common;

import dev.parley.desktop.service.ContactService;
import dev.parley.desktop.service.MessagingService;
import dev.parley.desktop.service.SafetyNumberView;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessagePage;
import dev.parley.desktop.storage.MessageState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one adapter between the services' types and the UI's {@link MessageView}/{@link ContactView}: every view model
 * reaches the messaging and contact services through it, one service call per method, so a change in the service
 * API touches this class only. Blocking; view models call it through {@link BackgroundTasks}.
 */
public final class UiServices {
    private final MessagingService messaging;
    private final ContactService contacts;

    public UiServices(MessagingService messaging, ContactService contacts) {
        this.messaging = Objects.requireNonNull(messaging);
        this.contacts = Objects.requireNonNull(contacts);
    }

    /** A page of history, newest first; {@code older} is where the next older page starts, empty at the oldest. */
    public record Page(List<MessageView> newestFirst, OptionalLong older) {
        public Page {
            newestFirst = List.copyOf(newestFirst);
            Objects.requireNonNull(older);
        }
    }

    /** The digits and QR payload for comparing identity keys. */
    /** A safety number as shown, with the identity key it was computed for. */
    public record SafetyNumber(String digits, String qrPayload, byte[] identityKey) {
    }

    public Page history(String contact, int pageSize, OptionalLong before) throws ServiceException {
        Optional<MessageCursor> cursor = before.isPresent() ? Optional.of(new MessageCursor(before.getAsLong()))
                : Optional.empty();
        MessagePage page = messaging.history(contact, cursor, pageSize);
        return new Page(page.messages().stream().map(UiServices::view).toList(),
                page.nextBefore().map(c -> OptionalLong.of(c.sequence())).orElse(OptionalLong.empty()));
    }

    /**
     * The messages after {@code after} (a {@link MessageView#position()}), oldest first; fewer than {@code pageSize}
     * means the newest message is among them.
     */
    public List<MessageView> newer(String contact, int pageSize, long after) throws ServiceException {
        return messaging.historyAfter(contact, new MessageCursor(after), pageSize).stream().map(UiServices::view).toList();
    }

    public MessageView send(String contact, String text) throws ServiceException {
        return view(messaging.send(contact, text));
    }

    /** Marks every incoming message of the conversation up to and including {@code upTo} as read. */
    public void markRead(MessageView upTo) throws ServiceException {
        messaging.markRead(upTo.contact(), new MessageCursor(upTo.position()));
    }

    public void setTyping(String contact, boolean typing) throws ServiceException {
        messaging.setTyping(contact, typing);
    }

    public List<MessageView> search(String query, int limit) throws ServiceException {
        return messaging.search(query, Optional.empty(), limit).stream().map(UiServices::view).toList();
    }

    public List<ContactView> contacts() throws ServiceException {
        return contacts.list().stream().map(UiServices::view).toList();
    }

    public ContactView contact(String username) throws ServiceException {
        return view(contacts.get(username));
    }

    public ContactView addContact(String username) throws ServiceException {
        return view(contacts.add(username));
    }

    /** Verifies {@code shownKey}, the key whose safety number the user compared, if it is still the contact's. */
    public ContactView markVerified(String username, byte[] shownKey) throws ServiceException {
        return view(contacts.markVerified(username, shownKey));
    }

    /** Accepts {@code shownKey}, the new key the warning was shown for, if it is still the pending one. */
    public ContactView acknowledgeIdentityChange(String username, byte[] shownKey) throws ServiceException {
        return view(contacts.acknowledgeIdentityChange(username, shownKey));
    }

    public ContactView clearVerification(String username) throws ServiceException {
        return view(contacts.clearVerification(username));
    }

    /**
     * The key an identity-change warning is about: the new key a contact's held messages carry, or (for a warning
     * raised before messages were held, by Parley 0.1) the stored key.
     */
    public java.util.Optional<byte[]> pendingKey(String username) throws ServiceException {
        java.util.Optional<SafetyNumberView> pending = contacts.pendingSafetyNumber(username);
        return java.util.Optional.of(pending.isPresent() ? pending.get().identityKey() : contacts.get(username).identityKey());
    }

    public SafetyNumber safetyNumber(String username) throws ServiceException {
        SafetyNumberView v = contacts.safetyNumber(username);
        return new SafetyNumber(v.digits(), v.qrPayload(), v.identityKey());
    }

    /** The UI view of a service message. */
    public static MessageView view(Message m) {
        return new MessageView(m.messageId().value(), m.conversationId().value(), m.direction() == Direction.OUTGOING,
                m.body(), m.sentAt(), status(m.direction(), m.state()), m.failure(), m.cursor().sequence());
    }

    /** The UI status for a service state. */
    public static MessageView.Status status(Direction direction, MessageState state) {
        if (direction != Direction.OUTGOING) {
            return state == MessageState.READ ? MessageView.Status.SEEN : MessageView.Status.UNREAD;
        }
        switch (state) {
            case SENDING:
                return MessageView.Status.SENDING;
            case SENT:
                return MessageView.Status.SENT;
            case DELIVERED:
                return MessageView.Status.DELIVERED;
            case READ:
                return MessageView.Status.READ;
            case FAILED:
            default:
                return MessageView.Status.FAILED;
        }
    }

    /** The UI status of a message in {@code state}, given whether it is outgoing (for state-change events). */
    public static java.util.function.Function<Boolean, MessageView.Status> statusFor(MessageState state) {
        return outgoing -> status(outgoing ? Direction.OUTGOING : Direction.INCOMING, state);
    }

    /** The UI view of a service contact. */
    public static ContactView view(Contact c) {
        return new ContactView(c.username(), c.verified(), c.identityChange() == IdentityChangeState.CHANGED_UNACKNOWLEDGED);
    }
}
