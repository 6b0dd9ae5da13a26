package dev.parley.desktop.service.attachment;

import dev.parley.crypto.payload.AttachmentPointer;
import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.group.DefaultGroupService;
import dev.parley.desktop.service.messaging.AttachmentBodies;
import dev.parley.desktop.storage.Attachment;
import dev.parley.desktop.storage.AttachmentState;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import dev.parley.desktop.storage.TransactionTask;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Files in groups (issue #15, docs/protocol.md 1.11 and 1.15.3): the file is uploaded once, shared by pointer (the
 * relay serves it to whoever presents its read token, never to a member list), and its ATTACHMENT payload travels
 * like a group text: encrypted once with this profile's sender key and uploaded once for every member.
 */
final class GroupFileSender {
    private final ProfileCrypto crypto;
    private final Supplier<String> ownUsername;
    private final DefaultGroupService groups;

    GroupFileSender(ProfileCrypto crypto, Supplier<String> ownUsername, DefaultGroupService groups) {
        this.crypto = crypto;
        this.ownUsername = ownUsername;
        this.groups = groups;
    }

    /** The group a file may be sent to now (checked before a long upload). */
    StoredGroup sendable(String conversation) throws ServiceException {
        StoredGroup group = groups.find(conversation);
        if (!group.active()) {
            throw new InvalidInputException("you are no longer a member of this group");
        }
        if (group.state().announcementsOnly() && !group.state().isAdmin(ownUsername.get())) {
            throw new InvalidInputException("only admins post in this group");
        }
        return group;
    }

    /**
     * Sends the pointer to a file already uploaded to the group: the message, its attachment row (state
     * {@code UPLOADED}) and every member's outbox entry commit in one transaction with {@code alsoCommit}.
     */
    Message send(StoredGroup group, AttachmentPointer pointer, String caption, TransactionTask<StorageException> alsoCommit)
            throws ServiceException {
        dev.parley.crypto.payload.MessageId id = dev.parley.crypto.payload.MessageId.random(crypto.context().random());
        Instant now = crypto.context().clock().instant();
        MessageId storedId = new MessageId(id.hex());
        Payload.Attachment payload;
        try {
            payload = new Payload.Attachment(id, now.toEpochMilli(), pointer, caption);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("caption longer than " + Payload.MAX_CAPTION_BYTES + " bytes");
        }
        ConversationId conversationId = ConversationId.group(group.state().id());
        return groups.sendTo(conversationId, payload, storedId, txn -> {
            ConversationId conversation = crypto.storage().conversations().group(txn, conversationId).id();
            NewMessage message = NewMessage.outgoing(storedId, conversation, ownUsername.get(), now,
                    AttachmentBodies.body(payload));
            crypto.storage().messages().insertAllIfAbsent(txn, List.of(message));
            crypto.storage().attachments().insertIfAbsent(txn, new Attachment(storedId, pointer, AttachmentState.UPLOADED));
            alsoCommit.run(txn);
            return crypto.storage().messages().find(txn, storedId).orElseThrow();
        });
    }
}
