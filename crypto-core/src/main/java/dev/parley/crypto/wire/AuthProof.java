package dev.parley.crypto.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a client signs with its Ed25519 identity key for the relay:
 * <ul>
 *   <li>to answer a {@link Push.Challenge}: {@code "parley/v2/relay-auth" || 0x00 || relayId (16) || nonce (32)
 *       || channel (32) || username (UTF-8)}, where {@code channel} is the SHA-256 fingerprint of the relay's TLS
 *       certificate as the client pinned it (32 zero bytes on a plain loopback {@code ws://} connection);</li>
 *   <li>to register ({@link Request.Register#proof()}): {@code "parley/v2/register" || 0x00 || relayId (16)
 *       || username (UTF-8)}, proving possession of the identity key being registered.</li>
 * </ul>
 * Binding the label, the relay's id, its certificate and the username means a signature made for one relay, one
 * purpose or one account is useless anywhere else; the challenge nonce is single-use and expires.
 */
public final class AuthProof {
    /** Domain label of relay authentication signatures. */
    public static final String LABEL = "parley/v2/relay-auth";
    /** Domain label of registration proofs. */
    public static final String REGISTER_LABEL = "parley/v2/register";
    public static final int RELAY_ID_BYTES = 16;
    public static final int NONCE_BYTES = 32;
    public static final int CHANNEL_BYTES = 32;

    private AuthProof() {
    }

    public static byte[] signedMessage(byte[] relayId, byte[] nonce, String username, byte[] channel) {
        if (relayId.length != RELAY_ID_BYTES || nonce.length != NONCE_BYTES || channel.length != CHANNEL_BYTES) {
            throw new IllegalArgumentException("relay id must be 16 bytes, nonce and channel 32 bytes");
        }
        byte[] label = LABEL.getBytes(StandardCharsets.US_ASCII);
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(label.length + 1 + relayId.length + nonce.length + channel.length + user.length)
                .put(label).put((byte) 0).put(relayId).put(nonce).put(channel).put(user).array();
    }

    public static byte[] registrationMessage(byte[] relayId, String username) {
        if (relayId.length != RELAY_ID_BYTES) {
            throw new IllegalArgumentException("relay id must be 16 bytes");
        }
        byte[] label = REGISTER_LABEL.getBytes(StandardCharsets.US_ASCII);
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(label.length + 1 + relayId.length + user.length)
                .put(label).put((byte) 0).put(relayId).put(user).array();
    }

    /** The channel value for a connection without TLS (loopback {@code ws://} only). */
    public static byte[] noChannel() {
        return new byte[CHANNEL_BYTES];
    }
}
