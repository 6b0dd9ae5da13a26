package dev.parley.desktop.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sealed envelope held apart, undecrypted: its (certified) sender wrote with an identity key other than the
 * stored one. It is decrypted only if the user accepts that key, and deleted if not.
 *
 * @param id               store-assigned, increasing in arrival order (0 before storing)
 * @param sender           the certified username
 * @param identityKey      the certified (new) identity key
 * @param blob             the sealed envelope as delivered
 * @param receivedAtMillis when the relay received it (the certificate is checked against this time again later)
 */
public record HeldEnvelope(long id, String sender, byte[] identityKey, byte[] blob, long receivedAtMillis) {
    public HeldEnvelope {
        Identifiers.check(sender, "sender", ConversationId.MAX_LENGTH);
        if (identityKey == null || identityKey.length != 32) {
            throw new IllegalArgumentException("identity key: 32 bytes expected");
        }
        Objects.requireNonNull(blob, "blob");
        if (blob.length == 0 || blob.length > SecretStore.MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("blob: 1 byte to 1 MiB expected");
        }
        identityKey = identityKey.clone();
        blob = blob.clone();
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeldEnvelope h && id == h.id && sender.equals(h.sender)
                && Arrays.equals(identityKey, h.identityKey) && Arrays.equals(blob, h.blob)
                && receivedAtMillis == h.receivedAtMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, sender, Arrays.hashCode(identityKey), receivedAtMillis);
    }

    @Override
    public String toString() {
        return "HeldEnvelope[" + id + ", " + blob.length + " bytes]";
    }
}
