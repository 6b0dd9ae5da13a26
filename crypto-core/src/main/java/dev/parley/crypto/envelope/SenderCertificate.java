package dev.parley.crypto.envelope;

import dev.parley.crypto.exceptions.InvalidCertificateException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.kdf.Label;
import dev.parley.crypto.primitives.Ed25519;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.crypto.wire.Usernames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A relay's statement "this device of this username holds this identity key until this time", signed with the
 * relay's Ed25519 signing key. The relay issues one to a client at every login; the client puts it in the sealed part
 * of every envelope, and the recipient checks it against the relay key it pinned ({@link TrustedRelayKey}) and picks
 * the session of (username, device) by it (issue #17, linked devices).
 *
 * <pre>
 * certificate = version (u8 = 1) || relayKeyId (u32) || expiresAt (i64, epoch ms) || IK (32)
 *               || L (u8, 3..32) || username (ASCII, L bytes) || signature (64)              device 1
 *             | version (u8 = 2) || the same fields up to the username || deviceId (u32, >= 2) || signature (64)
 * signature   = Ed25519(relay signing key, "parley/v2/sender-certificate" || 0x00 || every byte before the signature)
 * </pre>
 * Device 1 always has a version-1 certificate (so a single-device account's envelopes are what they always were), any
 * other device a version-2 one; a version-2 certificate naming device 1 is refused (one encoding per statement).
 */
public record SenderCertificate(int relayKeyId, long expiresAtMillis, byte[] identityKey, String username,
                                int deviceId, byte[] signature) {
    public static final byte VERSION = 1;
    /** The version of certificates for devices other than device 1. */
    public static final byte DEVICE_VERSION = 2;
    /** Longest encoding (a 32-character username, version 2). */
    public static final int MAX_BYTES = 1 + 4 + 8 + 32 + 1 + 32 + 4 + Ed25519.SIGNATURE_BYTES;
    private static final int MIN_BYTES = 1 + 4 + 8 + 32 + 1 + 3 + Ed25519.SIGNATURE_BYTES;

    /** A certificate for device 1 (version 1). */
    public SenderCertificate(int relayKeyId, long expiresAtMillis, byte[] identityKey, String username,
                             byte[] signature) {
        this(relayKeyId, expiresAtMillis, identityKey, username, 1, signature);
    }

    public SenderCertificate {
        Objects.requireNonNull(username, "username");
        if (deviceId < 1) {
            throw new IllegalArgumentException("device id: 1 or more expected");
        }
        if (identityKey == null || identityKey.length != Ed25519.PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("identity key: 32 bytes expected");
        }
        if (signature == null || signature.length != Ed25519.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("signature: 64 bytes expected");
        }
        if (!Usernames.isValid(username)) {
            throw new IllegalArgumentException("not a valid username");
        }
        identityKey = identityKey.clone();
        signature = signature.clone();
    }

    /** Signs a new certificate for device 1 with the relay's key (relay side). */
    public static SenderCertificate issue(Ed25519 ed25519, Ed25519KeyPair relayKey, int relayKeyId, String username,
                                          byte[] identityKey, long expiresAtMillis) {
        return issue(ed25519, relayKey, relayKeyId, username, 1, identityKey, expiresAtMillis);
    }

    /** Signs a new certificate for one device of an account with the relay's key (relay side). */
    public static SenderCertificate issue(Ed25519 ed25519, Ed25519KeyPair relayKey, int relayKeyId, String username,
                                          int deviceId, byte[] identityKey, long expiresAtMillis) {
        byte[] unsigned = signedPart(relayKeyId, expiresAtMillis, identityKey, username, deviceId);
        return new SenderCertificate(relayKeyId, expiresAtMillis, identityKey, username, deviceId,
                ed25519.sign(relayKey, signatureInput(unsigned)));
    }

    /** The relay key id of a signing key: the first four bytes of SHA-256(public key), as a u32 in an int. */
    public static int keyIdOf(byte[] relayPublicKey) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(relayPublicKey);
            return ByteBuffer.wrap(digest, 0, 4).getInt();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    public byte[] serialize() {
        byte[] unsigned = signedPart(relayKeyId, expiresAtMillis, identityKey, username, deviceId);
        return ByteBuffer.allocate(unsigned.length + signature.length).put(unsigned).put(signature).array();
    }

    /**
     * Parses a certificate; does not verify it ({@link TrustedRelayKey#verify}).
     *
     * @throws UnsupportedVersionException for another version byte
     * @throws InvalidCertificateException if the bytes are not a well-formed certificate
     */
    public static SenderCertificate parse(byte[] bytes) throws InvalidCertificateException, UnsupportedVersionException {
        if (bytes == null || bytes.length < 1) {
            throw new InvalidCertificateException("sender certificate: empty");
        }
        if (bytes[0] != VERSION && bytes[0] != DEVICE_VERSION) {
            throw new UnsupportedVersionException("sender certificate: unknown version " + bytes[0]);
        }
        int deviceBytes = bytes[0] == DEVICE_VERSION ? 4 : 0;
        if (bytes.length < MIN_BYTES + deviceBytes || bytes.length > MAX_BYTES - 4 + deviceBytes) {
            throw new InvalidCertificateException("sender certificate: bad length");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        int keyId = in.getInt();
        long expires = in.getLong();
        byte[] ik = new byte[32];
        in.get(ik);
        int length = Byte.toUnsignedInt(in.get());
        if (in.remaining() != length + deviceBytes + Ed25519.SIGNATURE_BYTES) {
            throw new InvalidCertificateException("sender certificate: bad username length");
        }
        byte[] name = new byte[length];
        in.get(name);
        int deviceId = deviceBytes == 0 ? 1 : in.getInt();
        if (deviceBytes != 0 && (deviceId < 2)) {
            throw new InvalidCertificateException("sender certificate: a version-2 certificate names a device >= 2");
        }
        byte[] signature = new byte[Ed25519.SIGNATURE_BYTES];
        in.get(signature);
        String username = new String(name, StandardCharsets.US_ASCII);
        if (!Usernames.isValid(username) || !Arrays.equals(name, username.getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidCertificateException("sender certificate: invalid username");
        }
        return new SenderCertificate(keyId, expires, ik, username, deviceId, signature);
    }

    /** The bytes the relay signs: the label prefix and the certificate without its signature. */
    byte[] signatureInput() {
        return signatureInput(signedPart(relayKeyId, expiresAtMillis, identityKey, username, deviceId));
    }

    private static byte[] signatureInput(byte[] unsigned) {
        byte[] label = Label.SENDER_CERTIFICATE.prefix();
        return ByteBuffer.allocate(label.length + unsigned.length).put(label).put(unsigned).array();
    }

    private static byte[] signedPart(int keyId, long expires, byte[] identityKey, String username, int deviceId) {
        if (!Usernames.isValid(username)) {
            throw new IllegalArgumentException("not a valid username");
        }
        byte[] name = username.getBytes(StandardCharsets.US_ASCII);
        boolean device = deviceId != 1;
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + 8 + 32 + 1 + name.length + (device ? 4 : 0))
                .put(device ? DEVICE_VERSION : VERSION).putInt(keyId).putLong(expires)
                .put(identityKey).put((byte) name.length).put(name);
        if (device) {
            out.putInt(deviceId);
        }
        return out.array();
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SenderCertificate c && relayKeyId == c.relayKeyId && expiresAtMillis == c.expiresAtMillis
                && Arrays.equals(identityKey, c.identityKey) && username.equals(c.username) && deviceId == c.deviceId
                && Arrays.equals(signature, c.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(relayKeyId, expiresAtMillis, Arrays.hashCode(identityKey), username, deviceId);
    }

    @Override
    public String toString() {
        return "SenderCertificate[key " + Integer.toUnsignedString(relayKeyId) + ", expires " + expiresAtMillis + "]";
    }
}
