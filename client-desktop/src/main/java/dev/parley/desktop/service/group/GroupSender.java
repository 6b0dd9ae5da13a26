package dev.parley.desktop.service.group;

import dev.parley.crypto.group.GroupCipher;
import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.GroupState;
import dev.parley.crypto.group.SenderKeyDistribution;
import dev.parley.crypto.group.SenderKeyRecord;
import dev.parley.crypto.group.SenderKeyState;
import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.messaging.Outbound;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.TransactionFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Sends one payload to a group (docs/protocol.md 1.15.3): encrypted once with this profile's sender key (a fresh one
 * when it has none, e.g. after a removal), preceded by that sender key for every recipient not yet recorded as
 * holding it, and committed with the advanced chain, the new key holders and the caller's rows. This account's other
 * devices get the payload as a group transcript under the same outbox id (issue #17, docs/protocol.md 1.18).
 */
final class GroupSender {
    private final ProfileCrypto crypto;
    private final Supplier<String> ownUsername;
    private final Outbound outbound;
    private final GroupTransport transport;
    private final GroupKeys keys;
    private final GroupCipher cipher;

    GroupSender(ProfileCrypto crypto, Supplier<String> ownUsername, Outbound outbound, GroupTransport transport,
                GroupKeys keys) {
        this.crypto = crypto;
        this.ownUsername = ownUsername;
        this.outbound = outbound;
        this.transport = transport;
        this.keys = keys;
        this.cipher = new GroupCipher(crypto.context().crypto(), crypto.context().random());
    }

    private record Held(SenderKeyRecord record, SenderKeyState own, Set<String> holders) {
    }

    <T> T send(GroupState group, List<Contact> recipients, Payload inner, MessageId outboxId,
               TransactionFunction<T, StorageException> alsoCommit) throws ServiceException {
        GroupId id = group.id();
        String me = ownUsername.get();
        crypto.lock().lock();
        try {
            Held held = crypto.storage().transactions().transactionWithResult(true, txn -> {
                SenderKeyRecord record = keys.record(txn, id, me);
                SenderKeyState own = record.current().filter(SenderKeyState::canSend).orElse(null);
                return new Held(record, own,
                        own == null ? Set.of() : crypto.storage().groups().keyHolders(txn, id, own.keyId()));
            });
            SenderKeyState own = held.own() != null ? held.own() : cipher.create(id);
            SenderKeyDistribution distribution = own.distribution();
            GroupCipher.Encrypted encrypted = cipher.encrypt(own, inner);
            List<Outbound.Outgoing> keysFirst = new ArrayList<>();
            List<String> newHolders = new ArrayList<>();
            for (Contact recipient : recipients) {
                if (!held.holders().contains(recipient.username())) {
                    keysFirst.add(new Outbound.Outgoing(recipient, new Payload.SenderKey(distribution),
                            outbound.newOutboxId()));
                    newHolders.add(recipient.username());
                }
            }
            List<Outbound.Own> ownDevices = dev.parley.crypto.payload.GroupTranscript.carries(inner)
                    ? List.of(new Outbound.Own(new dev.parley.crypto.payload.GroupTranscript(id, inner), outboxId))
                    : List.of();
            return transport.send(keysFirst, recipients, new Payload.GroupMessage(encrypted.message()), outboxId,
                    ownDevices,
                    txn -> {
                        keys.save(txn, id, me, held.record().withNewest(encrypted.next()));
                        if (!newHolders.isEmpty()) {
                            crypto.storage().groups().addKeyHolders(txn, id, own.keyId(), newHolders);
                        }
                        return alsoCommit.apply(txn);
                    });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the group's sender key", e);
        } finally {
            crypto.lock().unlock();
        }
    }
}
