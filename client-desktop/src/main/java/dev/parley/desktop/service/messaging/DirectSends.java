package dev.parley.desktop.service.messaging;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A text or a file's pointer to one contact (split out of {@link DefaultMessagingService}): a session first if there is
 * none, the message stored with its disappearing timer and the outbox entry in one transaction through
 * {@link Outbound}, and writing to someone whose message request is pending accepts it.
 */
final class DirectSends {
    private final ProfileCrypto crypto;
    private final Supplier<String> ownUsername;
    private final Recipients recipients;
    private final Outbound outbound;
    private final Disappearing disappearing;
    private final ProfileSharing profileSharing;
    private final RestoreAnnouncer restoreAnnouncer;
    private final DefaultMessagingService.SessionStarter sessions;
    private final Consumer<String> requestAccepted;

    DirectSends(ProfileCrypto crypto, Supplier<String> ownUsername, Recipients recipients, Outbound outbound,
                Disappearing disappearing, ProfileSharing profileSharing, RestoreAnnouncer restoreAnnouncer,
                DefaultMessagingService.SessionStarter sessions, Consumer<String> requestAccepted) {
        this.crypto = crypto;
        this.ownUsername = ownUsername;
        this.recipients = recipients;
        this.outbound = outbound;
        this.disappearing = disappearing;
        this.profileSharing = profileSharing;
        this.restoreAnnouncer = restoreAnnouncer;
        this.sessions = sessions;
        this.requestAccepted = requestAccepted;
    }

    private Storage storage() {
        return crypto.storage();
    }

    Message send(String contactName, String text) throws ServiceException {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("empty message");
        }
        if (text.length() > NewMessage.MAX_BODY_CHARS) {
            throw new InvalidInputException("message longer than " + NewMessage.MAX_BODY_CHARS + " characters");
        }
        Contact contact = recipients.sendable(contactName);
        if (!hasSession(contactName)) {
            startSession(contactName);
            contact = recipients.sendable(contactName);
        }
        Contact recipient = contact;
        dev.parley.crypto.payload.MessageId id = dev.parley.crypto.payload.MessageId.random(crypto.context().random());
        Instant now = crypto.context().clock().instant();
        MessageId storedId = new MessageId(id.hex());
        DisappearingTimer timer = disappearing.timerOf(ConversationId.direct(contactName));
        Payload.Text payload = new Payload.Text(id, now.toEpochMilli(), text, null, timer.seconds());
        Message sent = outbound.stored(contact, payload, storedId, txn -> {
            ConversationId conversation = storage().conversations().direct(txn, contactName).id();
            NewMessage message = NewMessage.outgoing(storedId, conversation, ownUsername.get(), now, text);
            List<Message> inserted = storage().messages().insertAllIfAbsent(txn, List.of(message));
            if (!inserted.isEmpty()) {
                disappearing.stamp(txn, storedId, now, timer);
                inserted = List.of(storage().messages().find(txn, storedId).orElseThrow());
            }
            if (recipient.identityChange() == dev.parley.desktop.storage.IdentityChangeState.REQUEST) {
                // Writing to someone who wrote first accepts their message request.
                storage().contacts().setIdentityChange(txn, contactName, dev.parley.desktop.storage.IdentityChangeState.NONE);
            }
            return inserted.isEmpty() ? storage().messages().find(txn, storedId).orElseThrow() : inserted.get(0);
        });
        if (contact.identityChange() == dev.parley.desktop.storage.IdentityChangeState.REQUEST) {
            crypto.state().invalidateContact(contactName);
            requestAccepted.accept(contactName);
        } else {
            profileSharing.shareIfStale(contactName);
        }
        return sent;
    }

    /**
     * A new session with the contact; after a restore the contacts are told first (issue #17), so the announcement
     * precedes this message and their client shows the restore line, not a bare session restart.
     */
    private void startSession(String contactName) throws ServiceException {
        restoreAnnouncer.announceIfPending();
        if (!hasSession(contactName)) {
            sessions.start(contactName);
        }
    }

    private boolean hasSession(String contactName) throws StorageFailureException {
        crypto.lock().lock();
        try {
            return crypto.state().begin().devices().hasAnySession(contactName);
        } catch (dev.parley.desktop.crypto.ProtocolStorageException e) {
            throw new StorageFailureException("cannot read the session", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    /** See {@link DefaultMessagingService#sendAttachment}. */
    Message sendAttachment(String contactName, dev.parley.crypto.payload.AttachmentPointer pointer, String caption,
                                  dev.parley.desktop.storage.TransactionTask<StorageException> alsoCommit)
            throws ServiceException {
        Contact contact = recipients.sendable(contactName);
        if (!hasSession(contactName)) {
            startSession(contactName);
            contact = recipients.sendable(contactName);
        }
        dev.parley.crypto.payload.MessageId id = dev.parley.crypto.payload.MessageId.random(crypto.context().random());
        Instant now = crypto.context().clock().instant();
        MessageId storedId = new MessageId(id.hex());
        Contact recipient = contact;
        Payload.Attachment payload;
        try {
            payload = new Payload.Attachment(id, now.toEpochMilli(), pointer, caption);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("caption longer than " + Payload.MAX_CAPTION_BYTES + " bytes");
        }
        Message sent = outbound.stored(contact, payload, storedId, txn -> {
            ConversationId conversation = storage().conversations().direct(txn, contactName).id();
            NewMessage message = NewMessage.outgoing(storedId, conversation, ownUsername.get(), now,
                    AttachmentBodies.body(payload));
            List<Message> inserted = storage().messages().insertAllIfAbsent(txn, List.of(message));
            storage().attachments().insertIfAbsent(txn, new dev.parley.desktop.storage.Attachment(storedId, pointer,
                    dev.parley.desktop.storage.AttachmentState.UPLOADED));
            alsoCommit.run(txn);
            if (recipient.identityChange() == dev.parley.desktop.storage.IdentityChangeState.REQUEST) {
                // Writing to someone who wrote first accepts their message request, with a file as with a text.
                storage().contacts().setIdentityChange(txn, contactName, dev.parley.desktop.storage.IdentityChangeState.NONE);
            }
            return inserted.isEmpty() ? storage().messages().find(txn, storedId).orElseThrow() : inserted.get(0);
        });
        if (recipient.identityChange() == dev.parley.desktop.storage.IdentityChangeState.REQUEST) {
            crypto.state().invalidateContact(contactName);
            requestAccepted.accept(contactName);
        } else {
            profileSharing.shareIfStale(contactName);
        }
        return sent;
    }
}
