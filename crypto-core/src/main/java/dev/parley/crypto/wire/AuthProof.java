package dev.parley.crypto.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a client signs with its Ed25519 identity key to answer a relay {@link Push.Challenge}:
 * {@code "parley/v1/relay-auth" || 0x00 || relayId (16) || nonce (32) || username (UTF-8)}.
 * Binding the label, the relay's id and the username means a signature made for one relay, one purpose or one
 * account is useless anywhere else; the nonce is single-use and expires.
 */
public final class AuthProof {
    /** Domain label of relay authentication signatures. */
    public static final String LABEL = "parley/v1/relay-auth";
    public static final int RELAY_ID_BYTES = 16;
    public static final int NONCE_BYTES = 32;

    private AuthProof() {
    }

    public static byte[] signedMessage(byte[] relayId, byte[] nonce, String username) {
        if (relayId.length != RELAY_ID_BYTES || nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("relay id must be 16 bytes and nonce 32 bytes");
        }
        byte[] label = LABEL.getBytes(StandardCharsets.US_ASCII);
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(label.length + 1 + relayId.length + nonce.length + user.length)
                .put(label).put((byte) 0).put(relayId).put(nonce).put(user).array();
    }
}
