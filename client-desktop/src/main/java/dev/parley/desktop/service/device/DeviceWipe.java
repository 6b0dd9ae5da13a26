package dev.parley.desktop.service.device;

import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationSummary;
import dev.parley.desktop.storage.OutboxEntry;
import dev.parley.desktop.storage.PendingReceipts;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import dev.parley.desktop.storage.Transaction;
import java.io.IOException;
import java.nio.file.Files;
import dev.parley.desktop.event.DeviceUnlinkedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #17: what a device does when the relay says it was unlinked from its account: it deletes, in one transaction,
 * the account's keys (identity, credential, sessions, prekeys, device lists, group sender keys), every conversation,
 * direct and group, with its messages, reactions, versions and attachment rows (and so the files' keys), the groups,
 * the contacts with their profiles and presence, the own profile, the blocked list, held envelopes, owed receipts,
 * pending edits and uploads, the listen feed and the outbox (the conversations are hidden in that transaction and
 * their rows removed right after it, a page per transaction); then the attachment files on disk. What is left is the
 * empty profile (its passphrase, settings and the relay it used): it can no longer log in, decrypt or send.
 */
public final class DeviceWipe {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceWipe.class);
    private static final List<String> NAMESPACES = List.of("identity", "session", "prekey", "signed-prekey",
            "kem-prekey", "device-list", "device-credential", "protocol-meta", "seen-base-key", "group-sender-key",
            "group-pending-sender-key", "group-pending-message",
            "history-out", "history-in");

    private DeviceWipe() {
    }

    /** @param attachments the profile's directory of attachment files, emptied after the commit */
    public static void wipe(ProfileCrypto crypto, Path attachments) {
        crypto.lock().lock();
        try {
            Storage storage = crypto.storage();
            storage.transactions().transaction(false, txn -> {
                for (String name : NAMESPACES) {
                    SecretNamespace namespace = new SecretNamespace(name);
                    for (String key : storage.secrets().keys(txn, namespace)) {
                        storage.secrets().delete(txn, namespace, key);
                    }
                }
                eraseConversations(storage, txn);
                erasePeople(storage, txn);
                storage.changes().dropPendingReceivedBefore(txn,
                        crypto.context().clock().instant().plus(Duration.ofDays(36_500)));
                storage.listenChanges().removeUpTo(txn, Long.MAX_VALUE);
                List<OutboxEntry> queued;
                while (!(queued = storage.outbox().pending(txn, 500)).isEmpty()) {
                    for (OutboxEntry entry : queued) {
                        storage.outbox().acknowledge(txn, entry.messageId(), entry.recipient());
                    }
                }
                txn.attach(new DeviceUnlinkedEvent());        // after the commit: the screens say why
            });
            crypto.state().wipeCache();
            // the erased conversations' rows, a page per transaction (the erase above only hid them)
            new dev.parley.desktop.service.messaging.DeletedConversationRemoval(storage).removePending(() -> true);
            deleteFiles(attachments);
            LOG.warn("this device was unlinked: its account data was wiped");
        } catch (StorageException | dev.parley.desktop.service.ServiceException | IOException | RuntimeException e) {
            LOG.error("could not wipe the account data of this unlinked device", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    /** Every conversation, direct or group, with everything its messages have; the groups themselves. */
    private static void eraseConversations(Storage storage, Transaction txn) throws StorageException {
        Set<ConversationId> conversations = new LinkedHashSet<>();
        for (ConversationSummary summary : storage.messages().conversations(txn)) {
            conversations.add(summary.conversationId());
        }
        for (Contact contact : storage.contacts().list(txn)) {
            conversations.add(ConversationId.direct(contact.username()));
        }
        List<StoredGroup> groups = storage.groups().list(txn);
        for (StoredGroup group : groups) {
            conversations.add(ConversationId.group(group.state().id()));
        }
        for (ConversationId conversation : conversations) {
            storage.attachments().removePendingUploads(txn, conversation.value());
            storage.historyEraser().erase(txn, conversation);
        }
        for (StoredGroup group : groups) {
            storage.groups().remove(txn, group.state().id());
        }
    }

    /** Contacts with their profiles, presence and held envelopes; the own profile; blocks; owed receipts. */
    private static void erasePeople(Storage storage, Transaction txn) throws StorageException {
        for (Contact contact : storage.contacts().list(txn)) {
            storage.heldEnvelopes().removeAll(txn, contact.username());
            storage.profiles().remove(txn, contact.username());
            storage.presence().remove(txn, contact.username());
            storage.contacts().remove(txn, contact.username());
        }
        for (AccountInfo account : storage.account().get(txn).stream().toList()) {
            storage.profiles().remove(txn, account.username());
        }
        for (String blocked : storage.blocked().list(txn)) {
            storage.blocked().unblock(txn, blocked);
        }
        List<Long> owed = new ArrayList<>();
        for (PendingReceipts receipts : storage.pendingReceipts().all(txn)) {
            owed.add(receipts.id());
        }
        storage.pendingReceipts().remove(txn, owed);
    }

    /** Deletes every file under {@code directory} (the directory itself stays). */
    private static void deleteFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(directory)) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
