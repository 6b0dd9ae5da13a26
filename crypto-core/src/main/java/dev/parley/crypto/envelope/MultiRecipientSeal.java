package dev.parley.crypto.envelope;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.kdf.Kdf;
import dev.parley.crypto.kdf.Label;
import dev.parley.crypto.primitives.AuthenticationFailedException;
import dev.parley.crypto.primitives.ConstantTime;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.InvalidPublicKeyException;
import dev.parley.crypto.primitives.RandomSource;
import dev.parley.crypto.primitives.SecretBox;
import dev.parley.crypto.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Sealed sender for many recipients at once (issue #15, docs/protocol.md 1.15.4), in the spirit of Signal's sealed
 * sender v2: one body, encrypted once under a fresh key K and carrying the sender's identity key and certificate,
 * uploaded once; per recipient a small header that gives K to that recipient only and authenticates the sender to
 * it over the hash of the body.
 *
 * <pre>
 * K       = 32 fresh random bytes per message
 * okm     = HKDF(salt = zero, ikm = K, info = LABEL(MULTI_BODY), L = 56)
 * inner   = 0x01 || IK_sender (32) || C (u8) || certificate (C bytes, zero-padded to SenderCertificate.MAX_BYTES, 146) || message
 * body    = 0x01 || secretbox(okm[0..32], okm[32..56], inner)
 * macKey  = HKDF(salt = zero, ikm = X25519(IK_sender, IK_recipient),
 *                info = LABEL(MULTI_HEADER_KEY) || IK_sender || IK_recipient, L = 32)
 * tag     = HMAC(macKey, LABEL(MULTI_HEADER_MAC) || 0x01 || IK_sender || IK_recipient || K || SHA-256(body))
 * header  = 0x01 || crypto_box_seal(X25519(IK_recipient), K || tag)          (113 bytes)
 * </pre>
 *
 * Only the recipient opens its header; only the sender and that recipient can compute the tag, which binds K, the
 * body's hash and both identity keys: the relay cannot swap bodies, and another recipient, who knows K, cannot forge
 * a header in the sender's name for someone else (it lacks the static-static secret). The certificate inside the body
 * binds the username to IK_sender, checked against the pinned relay key as for a single envelope
 * ({@link SealedSender}). Thread-safe.
 */
public final class MultiRecipientSeal {
    public static final byte VERSION = 1;
    static final int KEY_BYTES = 32;
    static final int TAG_BYTES = 32;
    static final int INNER_PREFIX_BYTES = 1 + 32 + 1 + SenderCertificate.MAX_BYTES;

    private final CryptoProvider crypto;
    private final Kdf kdf;
    private final VerifiedCertificates verified = new VerifiedCertificates();
    private final X25519Forms x25519 = new X25519Forms();
    private final HeaderMacKeys macKeys = new HeaderMacKeys();

    public MultiRecipientSeal(CryptoProvider crypto) {
        this.crypto = crypto;
        this.kdf = new Kdf(crypto);
    }

    /** The shared body and one header per recipient, in the order of {@code recipients}. */
    public record Sealed(byte[] body, List<byte[]> headers) {
        public Sealed {
            body = body.clone();
            headers = headers.stream().map(byte[]::clone).toList();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /** A body sealed for many recipients, opened: who sent it (authenticated and certified) and the message inside. */
    public record Opened(IdentityKey senderIdentity, Username senderUsername, SenderCertificate certificate,
                         byte[] message) {
        public Opened {
            Objects.requireNonNull(senderIdentity, "senderIdentity");
            Objects.requireNonNull(senderUsername, "senderUsername");
            Objects.requireNonNull(certificate, "certificate");
            message = message.clone();
        }

        @Override
        public byte[] message() {
            return message.clone();
        }
    }

    /**
     * Seals {@code message} once for all {@code recipients}.
     *
     * @throws InvalidPublicKeyException if a recipient's identity key is not a valid public key
     * @throws IllegalArgumentException  if the certificate is not for the sender's identity key
     */
    public Sealed seal(List<IdentityKey> recipients, IdentityKeyPair sender, SenderCertificate certificate,
                       byte[] message, RandomSource random) throws InvalidPublicKeyException {
        byte[] key = random.bytes(KEY_BYTES);
        try {
            byte[] body = body(key, sender, certificate, message);
            byte[] hash = sha256(body);
            List<byte[]> headers = new ArrayList<>(recipients.size());
            for (IdentityKey recipient : recipients) {
                headers.add(header(recipient, sender, key, hash));
            }
            return new Sealed(body, headers);
        } finally {
            SecretBytes.wipe(key);
        }
    }

    /** The shared body under {@code key}: a building block of {@link #seal} (and of tests that forge one part). */
    public byte[] body(byte[] key, IdentityKeyPair sender, SenderCertificate certificate, byte[] message) {
        byte[] senderIk = sender.publicKey().bytes();
        if (!Arrays.equals(certificate.identityKey(), senderIk)) {
            throw new IllegalArgumentException("the certificate is for another identity key");
        }
        byte[] cert = certificate.serialize();
        byte[] inner = ByteBuffer.allocate(INNER_PREFIX_BYTES + message.length).put(VERSION).put(senderIk)
                .put((byte) cert.length).put(Arrays.copyOf(cert, SenderCertificate.MAX_BYTES)).put(message).array();
        byte[] okm = kdf.derive(null, key, Label.MULTI_BODY, new byte[0], SecretBox.KEY_BYTES + SecretBox.NONCE_BYTES);
        try (SecretBytes boxKey = SecretBytes.copyOf(Arrays.copyOf(okm, SecretBox.KEY_BYTES))) {
            byte[] box = crypto.secretBox().seal(boxKey, Arrays.copyOfRange(okm, SecretBox.KEY_BYTES, okm.length), inner);
            return ByteBuffer.allocate(1 + box.length).put(VERSION).put(box).array();
        } finally {
            SecretBytes.wipe(okm);
        }
    }

    /** One recipient's header for a body with hash {@code bodyHash} under {@code key} (see {@link #body}). */
    public byte[] header(IdentityKey recipient, IdentityKeyPair sender, byte[] key, byte[] bodyHash)
            throws InvalidPublicKeyException {
        byte[] recipientX = x25519.of(recipient, crypto);
        byte[] senderIk = sender.publicKey().bytes();
        byte[] recipientIk = recipient.bytes();
        byte[] tag = tag(macKeys.of(senderIk, recipientIk,
                () -> macKey(sender.agreementKeyPair().privateKey(), recipientX, senderIk, recipientIk)),
                senderIk, recipientIk, key, bodyHash);
        byte[] box = crypto.sealedBox().seal(recipientX, ByteBuffer.allocate(KEY_BYTES + TAG_BYTES).put(key).put(tag)
                .array());
        return ByteBuffer.allocate(1 + box.length).put(VERSION).put(box).array();
    }

    /**
     * Opens this recipient's {@code header} and the shared {@code body}, then checks, in this order and before
     * returning anything: the versions; the body decrypts under the header's key; the inner layout and certificate
     * padding; the tag (over both identity keys, the key and the body's hash, in constant time); the certificate
     * against the pinned relay key at {@code atMillis} and that it certifies exactly the authenticated key.
     *
     * @throws UnsupportedVersionException if a version byte is unknown
     * @throws InvalidMessageException     if anything else fails ({@link
     *                                     dev.parley.crypto.exceptions.InvalidCertificateException} for the certificate)
     */
    public Opened open(IdentityKeyPair recipient, byte[] header, byte[] body, TrustedRelayKey relay, long atMillis)
            throws InvalidMessageException, UnsupportedVersionException {
        if (header == null || header.length < 2 || body == null || body.length < 2) {
            throw new InvalidMessageException("multi-recipient envelope: truncated");
        }
        if (header[0] != VERSION || body[0] != VERSION) {
            throw new UnsupportedVersionException("multi-recipient envelope: unknown version");
        }
        byte[] keyAndTag;
        try {
            keyAndTag = crypto.sealedBox().open(recipient.agreementKeyPair(), Arrays.copyOfRange(header, 1, header.length));
        } catch (AuthenticationFailedException e) {
            throw new InvalidMessageException("multi-recipient header: does not open with this identity key");
        }
        if (keyAndTag.length != KEY_BYTES + TAG_BYTES) {
            throw new InvalidMessageException("multi-recipient header: bad length");
        }
        byte[] key = Arrays.copyOf(keyAndTag, KEY_BYTES);
        byte[] tag = Arrays.copyOfRange(keyAndTag, KEY_BYTES, keyAndTag.length);
        try {
            byte[] inner = openBody(key, body);
            if (inner.length < INNER_PREFIX_BYTES + 1 || inner[0] != VERSION) {
                throw new InvalidMessageException("multi-recipient body: malformed content");
            }
            byte[] senderIk = Arrays.copyOfRange(inner, 1, 33);
            int certificateLength = Byte.toUnsignedInt(inner[33]);
            if (certificateLength < 1 || certificateLength > SenderCertificate.MAX_BYTES) {
                throw new InvalidMessageException("multi-recipient body: bad certificate length");
            }
            for (int i = 34 + certificateLength; i < INNER_PREFIX_BYTES; i++) {
                if (inner[i] != 0) {
                    throw new InvalidMessageException("multi-recipient body: bad certificate padding");
                }
            }
            byte[] cert = Arrays.copyOfRange(inner, 34, 34 + certificateLength);
            byte[] message = Arrays.copyOfRange(inner, INNER_PREFIX_BYTES, inner.length);
            IdentityKey sender = new IdentityKey(senderIk);
            byte[] recipientIk = recipient.publicKey().bytes();
            byte[] expected;
            try {
                expected = tag(macKeys.of(senderIk, recipientIk, () -> macKey(recipient.agreementKeyPair().privateKey(),
                        x25519.of(sender, crypto), senderIk, recipientIk)), senderIk, recipientIk, key, sha256(body));
            } catch (InvalidPublicKeyException e) {
                throw new InvalidMessageException("multi-recipient body: invalid sender identity key");
            }
            if (!ConstantTime.equals(expected, tag)) {
                throw new InvalidMessageException("multi-recipient header: sender authentication failed");
            }
            SenderCertificate certificate = SenderCertificate.parse(cert);
            if (verified.contains(relay, cert)) {
                relay.verifyClaims(certificate, sender, atMillis);
            } else {
                relay.verify(crypto.ed25519(), certificate, sender, atMillis);
                verified.add(relay, cert);
            }
            return new Opened(sender, new Username(certificate.username()), certificate, message);
        } finally {
            SecretBytes.wipe(key);
        }
    }

    /** Forgets (and wipes) the header MAC keys remembered so far ({@link HeaderMacKeys}), e.g. when a profile locks. */
    public void forgetMacKeys() {
        macKeys.clear();
    }

    /** Header MAC keys remembered (tests). */
    int rememberedMacKeys() {
        return macKeys.size();
    }

    /** SHA-256 of a body, as the tag binds it. */
    public byte[] sha256(byte[] body) {
        return crypto.sha256(body);
    }

    private byte[] openBody(byte[] key, byte[] body) throws InvalidMessageException {
        byte[] okm = kdf.derive(null, key, Label.MULTI_BODY, new byte[0], SecretBox.KEY_BYTES + SecretBox.NONCE_BYTES);
        try (SecretBytes boxKey = SecretBytes.copyOf(Arrays.copyOf(okm, SecretBox.KEY_BYTES))) {
            return crypto.secretBox().open(boxKey, Arrays.copyOfRange(okm, SecretBox.KEY_BYTES, okm.length),
                    Arrays.copyOfRange(body, 1, body.length));
        } catch (AuthenticationFailedException e) {
            throw new InvalidMessageException("multi-recipient body: does not open with the header's key");
        } finally {
            SecretBytes.wipe(okm);
        }
    }

    private byte[] macKey(SecretBytes ownPrivate, byte[] peerPublic, byte[] senderIk, byte[] recipientIk)
            throws InvalidPublicKeyException {
        try (SecretBytes shared = crypto.x25519().agree(ownPrivate.copy(), peerPublic)) {
            byte[] ikm = shared.bytes();
            try {
                return kdf.derive(null, ikm, Label.MULTI_HEADER_KEY, ByteBuffer.allocate(64).put(senderIk).put(recipientIk).array(), 32);
            } finally {
                SecretBytes.wipe(ikm);
            }
        }
    }

    private byte[] tag(byte[] macKey, byte[] senderIk, byte[] recipientIk, byte[] key, byte[] bodyHash) {
        try {
            return kdf.hmac(macKey, Kdf.concat(Label.MULTI_HEADER_MAC, new byte[] {VERSION}, senderIk, recipientIk,
                    key, bodyHash));
        } finally {
            SecretBytes.wipe(macKey);
        }
    }
}
