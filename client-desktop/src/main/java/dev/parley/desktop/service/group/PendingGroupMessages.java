package dev.parley.desktop.service.group;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.SenderKeyMessage;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #17: group messages that arrived before this device held the key to read them (docs/protocol.md 1.18, "A
 * group message before the key"), typically on a device just linked, when a member's message overtakes the link-time
 * GROUP_SYNC and SENDER_KEY_SYNC. Each is kept as it came (sender, sender device, arrival time and the sealed
 * SenderKeyMessage: still encrypted) in the encrypted protocol state ({@code group-pending-message} entries, keyed by
 * group and arrival order) and opened when a sender key for that group arrives. Bounded: at most
 * {@link #MAX_PER_GROUP} per group and {@link #MAX_TOTAL} in all (more are dropped, as before), each kept at most
 * {@link #MAX_AGE}.
 */
final class PendingGroupMessages {
    private static final Logger LOG = LoggerFactory.getLogger(PendingGroupMessages.class);
    static final SecretNamespace NAMESPACE = new SecretNamespace("group-pending-message");
    static final int MAX_PER_GROUP = 100;
    static final int MAX_TOTAL = 500;
    static final Duration MAX_AGE = Duration.ofDays(7);

    private final Storage storage;

    PendingGroupMessages(Storage storage) {
        this.storage = storage;
    }

    /** A kept message. */
    record Pending(String entry, String sender, int senderDevice, Instant receivedAt, SenderKeyMessage message) {
    }

    /** Keeps a message nobody here can read yet; false if the bounds refuse it. */
    boolean keep(Transaction txn, String sender, int senderDevice, SenderKeyMessage message, Instant now)
            throws StorageException {
        List<String> all = storage.secrets().keys(txn, NAMESPACE);
        String prefix = message.groupId().hex() + "/";
        List<String> ofGroup = all.stream().filter(k -> k.startsWith(prefix)).toList();
        if (ofGroup.size() >= MAX_PER_GROUP || all.size() >= MAX_TOTAL) {
            LOG.info("dropping a group message nobody here can read yet: too many are waiting");
            return false;
        }
        long next = ofGroup.isEmpty() ? 0 : Long.parseLong(ofGroup.get(ofGroup.size() - 1)
                .substring(prefix.length())) + 1;
        byte[] name = sender.getBytes(StandardCharsets.US_ASCII);
        byte[] body = message.serialize();
        storage.secrets().put(txn, NAMESPACE, prefix + String.format("%019d", next),
                ByteBuffer.allocate(1 + name.length + 4 + 8 + body.length).put((byte) name.length).put(name)
                        .putInt(senderDevice).putLong(now.toEpochMilli()).put(body).array());
        LOG.info("keeping a group message until its sender key arrives");
        return true;
    }

    /** The messages kept for {@code group} in arrival order; those past {@link #MAX_AGE} are deleted, not returned. */
    List<Pending> of(Transaction txn, GroupId group, Instant now) throws StorageException {
        String prefix = group.hex() + "/";
        List<Pending> out = new ArrayList<>();
        for (String entry : storage.secrets().keys(txn, NAMESPACE)) {
            if (!entry.startsWith(prefix)) {
                continue;
            }
            Optional<Pending> pending = read(txn, entry);
            if (pending.isEmpty() || pending.get().receivedAt().plus(MAX_AGE).isBefore(now)) {
                forget(txn, entry);
            } else {
                out.add(pending.get());
            }
        }
        return out;
    }

    void forget(Transaction txn, String entry) throws StorageException {
        storage.secrets().delete(txn, NAMESPACE, entry);
    }

    private Optional<Pending> read(Transaction txn, String entry) throws StorageException {
        Optional<byte[]> stored = storage.secrets().get(txn, NAMESPACE, entry);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(stored.get());
            byte[] name = new byte[Byte.toUnsignedInt(in.get())];
            in.get(name);
            int device = in.getInt();
            Instant receivedAt = Instant.ofEpochMilli(in.getLong());
            byte[] body = new byte[in.remaining()];
            in.get(body);
            return Optional.of(new Pending(entry, new String(name, StandardCharsets.US_ASCII), device, receivedAt,
                    SenderKeyMessage.deserialize(body)));
        } catch (InvalidMessageException | UnsupportedVersionException | RuntimeException e) {
            LOG.warn("a kept group message does not decode; it is deleted");
            return Optional.empty();
        }
    }
}
