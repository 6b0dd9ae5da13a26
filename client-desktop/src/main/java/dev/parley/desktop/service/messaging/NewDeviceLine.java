package dev.parley.desktop.service.messaging;

import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;

/**
 * Issue #17: the one system line a contact's conversation gets when this profile learns of a device of theirs it did
 * not know (from their envelope, or from the relay's answer to a send). The safety number does not change: devices
 * share the account's identity key.
 */
public final class NewDeviceLine {
    public static final String TEXT = "%s linked a new device";

    private NewDeviceLine() {
    }

    /** Inside {@code txn}: adds the line to the conversation with {@code contact}. */
    public static void add(ProfileCrypto crypto, Transaction txn, String contact) throws StorageException {
        MessageId id = new MessageId(dev.parley.crypto.payload.MessageId.random(crypto.context().random()).hex());
        NewMessage line = NewMessage.system(id, crypto.storage().conversations().direct(txn, contact).id(),
                crypto.context().clock().instant(), String.format(TEXT, contact));
        for (Message message : crypto.storage().messages().insertAllIfAbsent(txn, List.of(line))) {
            txn.attach(new MessageReceivedEvent(message));
        }
    }
}
