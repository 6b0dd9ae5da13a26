package dev.parley.crypto.envelope;

import dev.parley.crypto.primitives.InvalidPublicKeyException;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.primitives.CryptoProvider;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The X25519 form of identity keys, remembered by their Ed25519 bytes. Sealing one group message for 999 members
 * converted 999 keys, and the conversion (libsodium checks the point's subgroup with a scalar multiplication) was
 * more than half of the sealing's CPU (docs/benchmarks.md, "Groups"); the same members' keys come back with every
 * message. The conversion is a pure function of public bytes, so remembering it is exact and keeps no secret; a key
 * that does not convert is not remembered (it throws again). Bounded: cleared when it reaches {@value #MAX_ENTRIES}
 * entries. Thread-safe.
 */
final class X25519Forms {
    static final int MAX_ENTRIES = 4096;

    private final Map<ByteBuffer, byte[]> forms = new ConcurrentHashMap<>();

    /** {@link IdentityKey#x25519PublicKey} of {@code key}, converted once per distinct key. */
    byte[] of(IdentityKey key, CryptoProvider crypto) throws InvalidPublicKeyException {
        ByteBuffer bytes = ByteBuffer.wrap(key.bytes());
        byte[] known = forms.get(bytes);
        if (known != null) {
            return known.clone();
        }
        byte[] converted = key.x25519PublicKey(crypto);
        if (forms.size() >= MAX_ENTRIES) {
            forms.clear();
        }
        forms.put(bytes, converted.clone());
        return converted;
    }

    int size() {
        return forms.size();
    }
}
