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
 * A relay's statement "this username holds this identity key until this time", signed with the relay's Ed25519
 * signing key. The relay issues one to a client at every login; the client puts it in the sealed part of every
 * envelope, and the recipient checks it against the relay key it pinned ({@link TrustedRelayKey}).
 *
 * <pre>
 * certificate = version (u8 = 1) || relayKeyId (u32) || expiresAt (i64, epoch ms) || IK (32)
 *               || L (u8, 3..32) || username (ASCII, L bytes) || signature (64)
 * signature   = Ed25519(relay signing key, "parley/v2/sender-certificate" || 0x00 || every byte before the signature)
 * </pre>
 */
public record SenderCertificate(int relayKeyId, long expiresAtMillis, byte[] identityKey, String username,
                                byte[] signature) {
    public static final byte VERSION = 1;
    /** Longest encoding (a 32-character username). */
    public static final int MAX_BYTES = 1 + 4 + 8 + 32 + 1 + 32 + Ed25519.SIGNATURE_BYTES;
    private static final int MIN_BYTES = MAX_BYTES - 32 + 3;

    public SenderCertificate {
        Objects.requireNonNull(username, "username");
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

    /** Signs a new certificate with the relay's key (relay side). */
    public static SenderCertificate issue(Ed25519 ed25519, Ed25519KeyPair relayKey, int relayKeyId, String username,
                                          byte[] identityKey, long expiresAtMillis) {
        byte[] unsigned = signedPart(relayKeyId, expiresAtMillis, identityKey, username);
        return new SenderCertificate(relayKeyId, expiresAtMillis, identityKey, username,
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
        byte[] unsigned = signedPart(relayKeyId, expiresAtMillis, identityKey, username);
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
        if (bytes[0] != VERSION) {
            throw new UnsupportedVersionException("sender certificate: unknown version " + bytes[0]);
        }
        if (bytes.length < MIN_BYTES || bytes.length > MAX_BYTES) {
            throw new InvalidCertificateException("sender certificate: bad length");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        int keyId = in.getInt();
        long expires = in.getLong();
        byte[] ik = new byte[32];
        in.get(ik);
        int length = Byte.toUnsignedInt(in.get());
        if (in.remaining() != length + Ed25519.SIGNATURE_BYTES) {
            throw new InvalidCertificateException("sender certificate: bad username length");
        }
        byte[] name = new byte[length];
        in.get(name);
        byte[] signature = new byte[Ed25519.SIGNATURE_BYTES];
        in.get(signature);
        String username = new String(name, StandardCharsets.US_ASCII);
        if (!Usernames.isValid(username) || !Arrays.equals(name, username.getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidCertificateException("sender certificate: invalid username");
        }
        return new SenderCertificate(keyId, expires, ik, username, signature);
    }

    /** The bytes the relay signs: the label prefix and the certificate without its signature. */
    byte[] signatureInput() {
        return signatureInput(signedPart(relayKeyId, expiresAtMillis, identityKey, username));
    }

    private static byte[] signatureInput(byte[] unsigned) {
        byte[] label = Label.SENDER_CERTIFICATE.prefix();
        return ByteBuffer.allocate(label.length + unsigned.length).put(label).put(unsigned).array();
    }

    private static byte[] signedPart(int keyId, long expires, byte[] identityKey, String username) {
        if (!Usernames.isValid(username)) {
            throw new IllegalArgumentException("not a valid username");
        }
        byte[] name = username.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(1 + 4 + 8 + 32 + 1 + name.length).put(VERSION).putInt(keyId).putLong(expires)
                .put(identityKey).put((byte) name.length).put(name).array();
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
                && Arrays.equals(identityKey, c.identityKey) && username.equals(c.username)
                && Arrays.equals(signature, c.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(relayKeyId, expiresAtMillis, Arrays.hashCode(identityKey), username);
    }

    @Override
    public String toString() {
        return "SenderCertificate[key " + Integer.toUnsignedString(relayKeyId) + ", expires " + expiresAtMillis + "]";
    }
}
