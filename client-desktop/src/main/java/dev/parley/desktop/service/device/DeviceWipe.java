package dev.parley.desktop.service.device;

import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.OutboxEntry;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #17: what a device does when the relay says it was unlinked from its account: it deletes the account's keys
 * (identity, credential, sessions, prekeys, device lists), its contacts with their conversations, and its outbox, in
 * one transaction. The profile can then no longer log in, decrypt or send.
 */
public final class DeviceWipe {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceWipe.class);
    private static final List<String> NAMESPACES = List.of("identity", "session", "prekey", "signed-prekey",
            "kem-prekey", "device-list", "device-credential", "protocol-meta", "seen-base-key");

    private DeviceWipe() {
    }

    public static void wipe(ProfileCrypto crypto) {
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
                for (Contact contact : storage.contacts().list(txn)) {
                    storage.historyEraser().erase(txn, storage.conversations().direct(txn, contact.username()).id());
                    storage.contacts().remove(txn, contact.username());
                }
                List<OutboxEntry> queued;
                while (!(queued = storage.outbox().pending(txn, 500)).isEmpty()) {
                    for (OutboxEntry entry : queued) {
                        storage.outbox().acknowledge(txn, entry.messageId(), entry.recipient());
                    }
                }
            });
            crypto.state().wipeCache();
            LOG.warn("this device was unlinked: its account data was wiped");
        } catch (StorageException | RuntimeException e) {
            LOG.error("could not wipe the account data of this unlinked device", e);
        } finally {
            crypto.lock().unlock();
        }
    }
}
