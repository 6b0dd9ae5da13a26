package dev.parley.crypto.envelope;

import dev.parley.crypto.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The header MAC keys of multi-recipient envelopes (docs/protocol.md 1.15.4), remembered per (sender, recipient)
 * identity key pair. A MAC key is {@code HKDF(DH(IKx_sender, IKx_recipient), label || IK_sender || IK_recipient)}: a
 * function of the two identity keys alone, the same for every message between them, and deriving it is an X25519
 * agreement, a third of what sealing one recipient's header costs (a 1,000-member group message derived 999 of them,
 * docs/benchmarks.md, "Groups"; a pickup of group messages from 50 senders, one per message). Remembering it is exact.
 * The values are secrets derived from this profile's identity key, which is in memory while the profile is unlocked
 * anyway; they are kept in memory only, never written, bounded (cleared, and wiped, at {@value #MAX_ENTRIES} entries),
 * and wiped by {@link #clear}. Thread-safe.
 */
final class HeaderMacKeys {
    static final int MAX_ENTRIES = 4096;

    /** Derives a MAC key that is not remembered yet. */
    @FunctionalInterface
    interface Derivation {
        byte[] derive() throws dev.parley.crypto.primitives.InvalidPublicKeyException;
    }

    private final Map<ByteBuffer, byte[]> keys = new ConcurrentHashMap<>();

    /** A copy of the MAC key for this pair, derived once; the caller may wipe it. */
    byte[] of(byte[] senderIk, byte[] recipientIk, Derivation derivation)
            throws dev.parley.crypto.primitives.InvalidPublicKeyException {
        ByteBuffer pair = ByteBuffer.wrap(ByteBuffer.allocate(senderIk.length + recipientIk.length).put(senderIk)
                .put(recipientIk).array());
        byte[] known = keys.get(pair);
        if (known != null) {
            return known.clone();
        }
        byte[] derived = derivation.derive();
        if (keys.size() >= MAX_ENTRIES) {
            clear();
        }
        keys.put(pair, derived.clone());
        return derived;
    }

    /** Forgets (and wipes) every remembered key. */
    void clear() {
        for (ByteBuffer pair : keys.keySet()) {
            byte[] removed = keys.remove(pair);
            if (removed != null) {
                SecretBytes.wipe(removed);
            }
        }
    }

    int size() {
        return keys.size();
    }
}
