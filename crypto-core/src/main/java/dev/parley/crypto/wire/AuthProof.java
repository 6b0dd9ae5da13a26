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

    /** Domain label of device logins (docs/protocol.md, "Linked devices"). */
    public static final String DEVICE_LABEL = "parley/v2/device-auth";
    /** Domain label of a device's proof of its new credential key. */
    public static final String DEVICE_CREDENTIAL_LABEL = "parley/v2/device-credential";
    /** Domain label of a new device's proof of its credential key. */
    public static final String DEVICE_ADD_LABEL = "parley/v2/device-add";

    /**
     * What a device signs with its credential key to answer a challenge: {@code DEVICE_LABEL || 0x00 || relayId (16)
     * || nonce (32) || channel (32) || u32 deviceId || username (UTF-8)}.
     */
    public static byte[] deviceMessage(byte[] relayId, byte[] nonce, String username, int deviceId, byte[] channel) {
        if (relayId.length != RELAY_ID_BYTES || nonce.length != NONCE_BYTES || channel.length != CHANNEL_BYTES) {
            throw new IllegalArgumentException("relay id must be 16 bytes, nonce and channel 32 bytes");
        }
        byte[] label = DEVICE_LABEL.getBytes(StandardCharsets.US_ASCII);
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(label.length + 1 + relayId.length + nonce.length + channel.length + 4 + user.length)
                .put(label).put((byte) 0).put(relayId).put(nonce).put(channel).putInt(deviceId).put(user).array();
    }

    /** {@code DEVICE_CREDENTIAL_LABEL || 0x00 || relayId (16) || u32 deviceId || username (UTF-8)}. */
    public static byte[] deviceCredentialMessage(byte[] relayId, String username, int deviceId) {
        if (relayId.length != RELAY_ID_BYTES) {
            throw new IllegalArgumentException("relay id must be 16 bytes");
        }
        byte[] label = DEVICE_CREDENTIAL_LABEL.getBytes(StandardCharsets.US_ASCII);
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(label.length + 1 + relayId.length + 4 + user.length)
                .put(label).put((byte) 0).put(relayId).putInt(deviceId).put(user).array();
    }

    /** {@code DEVICE_ADD_LABEL || 0x00 || relayId (16) || username (UTF-8)}. */
    public static byte[] deviceAddMessage(byte[] relayId, String username) {
        if (relayId.length != RELAY_ID_BYTES) {
            throw new IllegalArgumentException("relay id must be 16 bytes");
        }
        byte[] label = DEVICE_ADD_LABEL.getBytes(StandardCharsets.US_ASCII);
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(label.length + 1 + relayId.length + user.length)
                .put(label).put((byte) 0).put(relayId).put(user).array();
    }

    /** The channel value for a connection without TLS (loopback {@code ws://} only). */
    public static byte[] noChannel() {
        return new byte[CHANNEL_BYTES];
    }
}
