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
import dev.parley.crypto.primitives.X25519KeyPair;
import dev.parley.crypto.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Sealed sender for many recipients at once (issue #15, docs/protocol.md 1.15.4), as Signal's sealed sender v2 does
 * it: one body, encrypted once under a fresh key K, carrying the sender's identity key and certificate and one fresh
 * ephemeral X25519 key E per message, uploaded once; per recipient a small header that gives K to that recipient only
 * (under a key from DH(e, IKx_recipient)) and authenticates the sender to it over the hash of the body.
 *
 * <pre>
 * K, (e, E) = 32 fresh random bytes; a fresh X25519 key pair, both per message
 * body    = 0x02 || E (32) || secretbox under HKDF(K, MULTI_BODY) of the inner part ({@link MultiRecipientInner})
 * macKey  = HKDF(salt = zero, ikm = X25519(IK_sender, IK_recipient),
 *                info = LABEL(MULTI_HEADER_KEY) || IK_sender || IK_recipient, L = 32)
 * tag     = HMAC(macKey, LABEL(MULTI_HEADER_MAC) || 0x02 || IK_sender || IK_recipient || E || K || SHA-256(body))
 * hk      = HKDF(salt = zero, ikm = X25519(e, IK_recipient), info = LABEL(MULTI_HEADER_BOX) || E || IK_recipient, L = 56)
 * header  = 0x02 || secretbox(hk[0..32], hk[32..56], K || tag)                 (81 bytes)
 * </pre>
 *
 * Sealing costs one X25519 agreement per recipient (the static one, for the MAC key, is remembered per pair); the
 * first format (a sealed box per recipient: a fresh key pair and an agreement each) is still opened
 * ({@link MultiRecipientHeaderV1}). Only the recipient (or the holder of e, wiped after sealing) opens its header;
 * only the sender and that recipient can compute the tag, which binds K, E, the body's hash and both identity keys:
 * the relay cannot swap bodies, and another recipient, who knows K and E, cannot forge a header in the sender's name
 * for someone else (it lacks the static-static secret). The certificate inside the body binds the username to
 * IK_sender, checked against the pinned relay key as for a single envelope ({@link SealedSender}). Thread-safe.
 */
public final class MultiRecipientSeal {
    /** The version this class seals (bodies and headers); version 1 is still opened. */
    public static final byte VERSION = 2;
    static final int KEY_BYTES = 32;
    static final int TAG_BYTES = 32;
    static final int EPHEMERAL_BYTES = 32;
    /** Where the inner part's secretbox starts in a version-2 body. */
    static final int BODY_BOX_OFFSET = 1 + EPHEMERAL_BYTES;
    /** Bytes of a version-2 header. */
    public static final int HEADER_BYTES = 1 + SecretBox.MAC_BYTES + KEY_BYTES + TAG_BYTES;

    private final CryptoProvider crypto;
    private final Kdf kdf;
    private final MultiRecipientInner inner;
    private final MultiRecipientHeaderV1 v1;
    private final VerifiedCertificates verified = new VerifiedCertificates();
    private final X25519Forms x25519 = new X25519Forms();
    private final HeaderMacKeys macKeys = new HeaderMacKeys();

    public MultiRecipientSeal(CryptoProvider crypto) {
        this.crypto = crypto;
        this.kdf = new Kdf(crypto);
        this.inner = new MultiRecipientInner(crypto);
        this.v1 = new MultiRecipientHeaderV1(crypto);
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
     * Seals {@code message} once for all {@code recipients} (version 2: K and the ephemeral key pair from
     * {@code random}; the ephemeral private key is wiped before returning).
     *
     * @throws InvalidPublicKeyException if a recipient's identity key is not a valid public key
     * @throws IllegalArgumentException  if the certificate is not for the sender's identity key
     */
    public Sealed seal(List<IdentityKey> recipients, IdentityKeyPair sender, SenderCertificate certificate,
                       byte[] message, RandomSource random) throws InvalidPublicKeyException {
        byte[] key = random.bytes(KEY_BYTES);
        try (X25519KeyPair ephemeral = ephemeral(random)) {
            byte[] body = body(key, ephemeral.publicKey(), sender, certificate, message);
            byte[] hash = sha256(body);
            List<byte[]> headers = new ArrayList<>(recipients.size());
            for (IdentityKey recipient : recipients) {
                headers.add(header(recipient, sender, ephemeral, key, hash));
            }
            return new Sealed(body, headers);
        } finally {
            SecretBytes.wipe(key);
        }
    }

    /** A fresh ephemeral X25519 key pair from {@code random} (a building block of {@link #seal}, and of tests). */
    public X25519KeyPair ephemeral(RandomSource random) {
        try (SecretBytes scalar = SecretBytes.wrap(random.bytes(EPHEMERAL_BYTES))) {
            return crypto.x25519().keyPairFrom(scalar);
        }
    }

    /**
     * The shared body under {@code key}, carrying the ephemeral public key: a building block of {@link #seal} (and of
     * tests that forge one part).
     */
    public byte[] body(byte[] key, byte[] ephemeralPublic, IdentityKeyPair sender, SenderCertificate certificate,
                       byte[] message) {
        if (ephemeralPublic.length != EPHEMERAL_BYTES) {
            throw new IllegalArgumentException("ephemeral public key: 32 bytes expected");
        }
        byte[] box = inner.seal(key, sender, certificate, message);
        return ByteBuffer.allocate(BODY_BOX_OFFSET + box.length).put(VERSION).put(ephemeralPublic).put(box).array();
    }

    /**
     * One recipient's header for a body with hash {@code bodyHash} under {@code key} that carries
     * {@code ephemeral}'s public key (see {@link #body}).
     */
    public byte[] header(IdentityKey recipient, IdentityKeyPair sender, X25519KeyPair ephemeral, byte[] key,
                         byte[] bodyHash) throws InvalidPublicKeyException {
        byte[] recipientX = x25519.of(recipient, crypto);
        byte[] senderIk = sender.publicKey().bytes();
        byte[] recipientIk = recipient.bytes();
        byte[] ephemeralPublic = ephemeral.publicKey();
        byte[] tag = tag(macKeys.of(senderIk, recipientIk,
                () -> macKey(sender.agreementKeyPair().privateKey(), recipientX, senderIk, recipientIk)),
                VERSION, senderIk, recipientIk, ephemeralPublic, key, bodyHash);
        byte[] keyAndTag = ByteBuffer.allocate(KEY_BYTES + TAG_BYTES).put(key).put(tag).array();
        byte[] hk;
        try (SecretBytes shared = crypto.x25519().agree(ephemeral.privateKey(), recipientX)) {
            hk = headerKey(shared, ephemeralPublic, recipientIk);
        }
        try (SecretBytes boxKey = SecretBytes.copyOf(Arrays.copyOf(hk, SecretBox.KEY_BYTES))) {
            byte[] box = crypto.secretBox().seal(boxKey, Arrays.copyOfRange(hk, SecretBox.KEY_BYTES, hk.length),
                    keyAndTag);
            return ByteBuffer.allocate(1 + box.length).put(VERSION).put(box).array();
        } finally {
            SecretBytes.wipe(hk);
            SecretBytes.wipe(keyAndTag);
        }
    }

    /**
     * Opens this recipient's {@code header} and the shared {@code body} (version 2, or the first format), then checks,
     * in this order and before returning anything: the versions (the same in both parts); the header opens with this
     * identity key (and, version 2, the body's ephemeral key); the body decrypts under the header's key; the inner
     * layout and certificate padding; the tag (over both identity keys, the ephemeral key, the key and the body's hash,
     * in constant time); the certificate against the pinned relay key at {@code atMillis} and that it certifies
     * exactly the authenticated key.
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
        byte version = header[0];
        if ((version != VERSION && version != MultiRecipientHeaderV1.VERSION) || body[0] != version) {
            throw new UnsupportedVersionException("multi-recipient envelope: unknown version");
        }
        byte[] ephemeralPublic;
        byte[] keyAndTag;
        int boxOffset;
        if (version == VERSION) {
            if (header.length != HEADER_BYTES || body.length <= BODY_BOX_OFFSET) {
                throw new InvalidMessageException("multi-recipient envelope: truncated");
            }
            ephemeralPublic = Arrays.copyOfRange(body, 1, BODY_BOX_OFFSET);
            keyAndTag = openHeader(recipient, header, ephemeralPublic);
            boxOffset = BODY_BOX_OFFSET;
        } else {
            ephemeralPublic = new byte[0];
            keyAndTag = v1.keyAndTag(recipient, header);
            boxOffset = MultiRecipientHeaderV1.BODY_BOX_OFFSET;
        }
        byte[] key = Arrays.copyOf(keyAndTag, KEY_BYTES);
        byte[] tag = Arrays.copyOfRange(keyAndTag, KEY_BYTES, keyAndTag.length);
        SecretBytes.wipe(keyAndTag);
        try {
            MultiRecipientInner.Parsed parsed = inner.open(key, body, boxOffset);
            byte[] senderIk = parsed.senderIk();
            IdentityKey sender = MultiRecipientInner.sender(parsed);
            byte[] recipientIk = recipient.publicKey().bytes();
            byte[] expected;
            try {
                expected = tag(macKeys.of(senderIk, recipientIk, () -> macKey(recipient.agreementKeyPair().privateKey(),
                        x25519.of(sender, crypto), senderIk, recipientIk)), version, senderIk, recipientIk,
                        ephemeralPublic, key, sha256(body));
            } catch (InvalidPublicKeyException e) {
                throw new InvalidMessageException("multi-recipient body: invalid sender identity key");
            }
            if (!ConstantTime.equals(expected, tag)) {
                throw new InvalidMessageException("multi-recipient header: sender authentication failed");
            }
            byte[] cert = parsed.certificate();
            SenderCertificate certificate = SenderCertificate.parse(cert);
            if (verified.contains(relay, cert)) {
                relay.verifyClaims(certificate, sender, atMillis);
            } else {
                relay.verify(crypto.ed25519(), certificate, sender, atMillis);
                verified.add(relay, cert);
            }
            return new Opened(sender, new Username(certificate.username()), certificate, parsed.message());
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

    /** {@code K || tag} from a version-2 header, opened with the key from DH(recipient, E). */
    private byte[] openHeader(IdentityKeyPair recipient, byte[] header, byte[] ephemeralPublic)
            throws InvalidMessageException {
        byte[] hk;
        try (SecretBytes shared = crypto.x25519().agree(recipient.agreementKeyPair().privateKey(), ephemeralPublic)) {
            hk = headerKey(shared, ephemeralPublic, recipient.publicKey().bytes());
        } catch (InvalidPublicKeyException e) {
            throw new InvalidMessageException("multi-recipient body: invalid ephemeral key");
        }
        try (SecretBytes boxKey = SecretBytes.copyOf(Arrays.copyOf(hk, SecretBox.KEY_BYTES))) {
            return crypto.secretBox().open(boxKey, Arrays.copyOfRange(hk, SecretBox.KEY_BYTES, hk.length),
                    Arrays.copyOfRange(header, 1, header.length));
        } catch (AuthenticationFailedException e) {
            throw new InvalidMessageException("multi-recipient header: does not open with this identity key");
        } finally {
            SecretBytes.wipe(hk);
        }
    }

    /** The secretbox key and nonce of a version-2 header (56 bytes). */
    private byte[] headerKey(SecretBytes shared, byte[] ephemeralPublic, byte[] recipientIk) {
        byte[] ikm = shared.bytes();
        try {
            return kdf.derive(null, ikm, Label.MULTI_HEADER_BOX,
                    ByteBuffer.allocate(EPHEMERAL_BYTES + recipientIk.length).put(ephemeralPublic).put(recipientIk)
                            .array(), SecretBox.KEY_BYTES + SecretBox.NONCE_BYTES);
        } finally {
            SecretBytes.wipe(ikm);
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

    /** The header tag; version 1 binds no ephemeral key ({@code ephemeralPublic} empty). */
    private byte[] tag(byte[] macKey, byte version, byte[] senderIk, byte[] recipientIk, byte[] ephemeralPublic,
                       byte[] key, byte[] bodyHash) {
        try {
            return kdf.hmac(macKey, Kdf.concat(Label.MULTI_HEADER_MAC, new byte[] {version}, senderIk, recipientIk,
                    ephemeralPublic, key, bodyHash));
        } finally {
            SecretBytes.wipe(macKey);
        }
    }
}
