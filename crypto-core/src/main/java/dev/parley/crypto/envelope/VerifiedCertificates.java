package dev.parley.crypto.envelope;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sender certificates whose relay signature already verified, by their exact bytes and the relay key: a pickup of
 * 10,000 envelopes from one sender carries the same certificate 10,000 times, and its Ed25519 verification was the
 * largest part of the per-envelope cost after decryption (docs/benchmarks.md). Whether a signature verifies is a pure
 * function of the key and the certificate bytes, so remembering it is exact; expiry and the certified identity key
 * are still checked for every envelope. Bounded: cleared when it reaches {@value #MAX_ENTRIES} entries. Thread-safe.
 */
final class VerifiedCertificates {
    static final int MAX_ENTRIES = 1024;

    private final Set<ByteBuffer> verified = ConcurrentHashMap.newKeySet();

    /** Whether these certificate bytes already verified against this relay key. */
    boolean contains(TrustedRelayKey relay, byte[] certificate) {
        return verified.contains(key(relay, certificate));
    }

    /** Remembers a certificate whose signature verified against this relay key. */
    void add(TrustedRelayKey relay, byte[] certificate) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.add(key(relay, certificate));
    }

    int size() {
        return verified.size();
    }

    private static ByteBuffer key(TrustedRelayKey relay, byte[] certificate) {
        byte[] relayKey = relay.publicKey();
        return ByteBuffer.allocate(relayKey.length + certificate.length).put(relayKey).put(certificate).flip();
    }
}
