package dev.parley.crypto.envelope;

import dev.parley.crypto.exceptions.InvalidCertificateException;
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
import dev.parley.crypto.primitives.SealedBox;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.session.CiphertextMessage;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Sealed-sender envelopes: the relay sees only the recipient (next to these bytes) and a version byte.
 *
 * <pre>
 * sealed  = version (u8 = 2) || crypto_box_seal(X25519(IK_recipient), inner)
 * inner   = version (u8 = 2) || IK_sender (32) || C (u8, certificate length)
 *           || sender certificate (C bytes, zero-padded to {@link SenderCertificate#MAX_BYTES}) || MAC (32)
 *           || ciphertext message
 * macKey  = HKDF-SHA-256(salt = 32 zero bytes, ikm = X25519(IK_sender, IK_recipient),
 *                        info = "parley/v1/sealed-sender-key" || 0x00 || IK_sender || IK_recipient, L = 32)
 * MAC     = HMAC-SHA-256(macKey, "parley/v1/sealed-sender-mac" || 0x00 || version || IK_sender || IK_recipient
 *                        || C (u8) || certificate (C bytes) || ciphertext message)
 * </pre>
 * Only the two identity-key owners can compute the MAC key (static-static Diffie-Hellman), so a relay or third party
 * cannot re-seal someone's ratchet message under another sender, and the recipient cannot prove authorship to
 * anyone else (deniable, unlike a signature). The MAC proves the sender holds IK_sender; the relay-signed
 * {@link SenderCertificate} binds the username to that key, and {@link #open} accepts an envelope only when the
 * certificate verifies against the pinned relay key and certifies exactly IK_sender. Thread-safe; the only state is
 * the bounded memory of certificates whose signature already verified ({@link VerifiedCertificates}).
 */
public final class SealedSender {
    public static final byte VERSION = 2;
    static final int CERTIFICATE_FIELD_BYTES = SenderCertificate.MAX_BYTES;
    static final int MAC_BYTES = 32;
    static final int INNER_HEADER_BYTES = 1 + 32 + 1 + CERTIFICATE_FIELD_BYTES + MAC_BYTES;

    private final CryptoProvider crypto;
    private final Kdf kdf;
    private final VerifiedCertificates verified = new VerifiedCertificates();
    /**
     * macKey is a function of the two identity keys alone (a static-static agreement), the same for every envelope
     * between them: derived once per pair, in memory only, wiped by {@link #forgetMacKeys} (at lock). An offline pickup
     * from one contact opened 10,000 envelopes with 10,000 identical X25519 agreements and Ed25519-to-X25519 key
     * conversions before (docs/benchmarks.md, "Where an offline pickup's CPU goes").
     */
    private final HeaderMacKeys macKeys = new HeaderMacKeys();

    public SealedSender(CryptoProvider crypto) {
        this.crypto = crypto;
        this.kdf = new Kdf(crypto);
    }

    /**
     * Seals {@code message} from {@code sender}, carrying the relay's {@code certificate} for the sender, to
     * {@code recipient}.
     *
     * @throws InvalidPublicKeyException if the recipient identity key is not a valid public key
     * @throws IllegalArgumentException  if the certificate is not for the sender's identity key
     */
    public byte[] seal(IdentityKey recipient, IdentityKeyPair sender, SenderCertificate certificate,
                       CiphertextMessage message) throws InvalidPublicKeyException {
        byte[] senderIk = sender.publicKey().bytes();
        if (!Arrays.equals(certificate.identityKey(), senderIk)) {
            throw new IllegalArgumentException("the certificate is for another identity key");
        }
        byte[] recipientX = recipient.x25519PublicKey(crypto);
        byte[] cert = certificate.serialize();
        byte[] body = message.serialize();
        byte[] mac = mac(macKeys.of(senderIk, recipient.bytes(),
                () -> macKey(sender.agreementKeyPair().privateKey(), recipientX, senderIk, recipient.bytes())),
                senderIk, recipient.bytes(), cert, body);
        byte[] inner = ByteBuffer.allocate(INNER_HEADER_BYTES + body.length).put(VERSION).put(senderIk)
                .put((byte) cert.length).put(Arrays.copyOf(cert, CERTIFICATE_FIELD_BYTES)).put(mac).put(body)
                .array();
        byte[] box = crypto.sealedBox().seal(recipientX, inner);
        byte[] sealed = new byte[1 + box.length];
        sealed[0] = VERSION;
        System.arraycopy(box, 0, sealed, 1, box.length);
        return sealed;
    }

    /**
     * Opens an envelope addressed to {@code recipient}, checks the sender MAC, then the sender certificate against
     * the pinned relay key: signature, expiry at {@code atMillis}, and that it certifies the MAC-authenticated key.
     * Nothing is returned (so no state can change) unless all of that holds.
     *
     * @param atMillis when the relay received the envelope ({@code receivedAtMillis}), or now for live frames
     * @throws UnsupportedVersionException if the outer, inner or certificate version byte is unknown
     * @throws InvalidMessageException     if the envelope does not open, is malformed, its MAC does not verify, or
     *                                     its certificate does not verify ({@link InvalidCertificateException})
     */
    public OpenedEnvelope open(IdentityKeyPair recipient, byte[] sealed, TrustedRelayKey relay, long atMillis)
            throws InvalidMessageException, UnsupportedVersionException {
        if (sealed == null || sealed.length == 0) {
            throw new InvalidMessageException("envelope: empty");
        }
        if (sealed[0] != VERSION) {
            throw new UnsupportedVersionException("envelope: unknown version " + sealed[0]);
        }
        byte[] inner;
        try {
            inner = crypto.sealedBox().open(recipient.agreementKeyPair(), Arrays.copyOfRange(sealed, 1, sealed.length));
        } catch (AuthenticationFailedException e) {
            throw new InvalidMessageException("envelope: does not open with this identity key");
        }
        if (inner.length < 1) {
            throw new InvalidMessageException("envelope: empty content");
        }
        if (inner[0] != VERSION) {
            throw new UnsupportedVersionException("envelope content: unknown version " + inner[0]);
        }
        if (inner.length < INNER_HEADER_BYTES + 2) {
            throw new InvalidMessageException("envelope content: truncated");
        }
        ByteBuffer in = ByteBuffer.wrap(inner, 1, inner.length - 1);
        byte[] senderIk = new byte[32];
        in.get(senderIk);
        int certificateLength = Byte.toUnsignedInt(in.get());
        byte[] certificateField = new byte[CERTIFICATE_FIELD_BYTES];
        in.get(certificateField);
        byte[] mac = new byte[MAC_BYTES];
        in.get(mac);
        byte[] body = new byte[in.remaining()];
        in.get(body);
        if (certificateLength < 1 || certificateLength > CERTIFICATE_FIELD_BYTES) {
            throw new InvalidMessageException("envelope content: bad certificate length");
        }
        for (int i = certificateLength; i < CERTIFICATE_FIELD_BYTES; i++) {
            if (certificateField[i] != 0) {
                throw new InvalidMessageException("envelope content: bad certificate padding");
            }
        }
        byte[] cert = Arrays.copyOf(certificateField, certificateLength);
        byte[] recipientIk = recipient.publicKey().bytes();
        IdentityKey sender = new IdentityKey(senderIk);
        byte[] expected;
        try {
            expected = mac(macKeys.of(senderIk, recipientIk, () -> macKey(recipient.agreementKeyPair().privateKey(),
                    sender.x25519PublicKey(crypto), senderIk, recipientIk)), senderIk, recipientIk, cert, body);
        } catch (InvalidPublicKeyException e) {
            throw new InvalidMessageException("envelope content: invalid sender identity key");
        }
        if (!ConstantTime.equals(expected, mac)) {
            throw new InvalidMessageException("envelope content: sender authentication failed");
        }
        SenderCertificate certificate = SenderCertificate.parse(cert);
        if (verified.contains(relay, cert)) {
            relay.verifyClaims(certificate, sender, atMillis);
        } else {
            relay.verify(crypto.ed25519(), certificate, sender, atMillis);
            verified.add(relay, cert);
        }
        return new OpenedEnvelope(sender, new Username(certificate.username()), CiphertextMessage.deserialize(body),
                certificate);
    }

    /** Forgets (and wipes) the MAC keys remembered so far, e.g. when a profile locks. */
    public void forgetMacKeys() {
        macKeys.clear();
    }

    /** How many (sender, recipient) MAC keys are remembered (for tests). */
    public int rememberedMacKeys() {
        return macKeys.size();
    }

    private byte[] macKey(SecretBytes ownPrivate, byte[] peerPublic, byte[] senderIk, byte[] recipientIk)
            throws InvalidPublicKeyException {
        try (SecretBytes shared = crypto.x25519().agree(ownPrivate.copy(), peerPublic)) {
            byte[] ikm = shared.bytes();
            try {
                byte[] context = new byte[64];
                System.arraycopy(senderIk, 0, context, 0, 32);
                System.arraycopy(recipientIk, 0, context, 32, 32);
                return kdf.derive(null, ikm, Label.SEALED_SENDER_KEY, context, 32);
            } finally {
                SecretBytes.wipe(ikm);
            }
        }
    }

    private byte[] mac(byte[] key, byte[] senderIk, byte[] recipientIk, byte[] certificate, byte[] body) {
        try {
            byte[] version = {VERSION};
            byte[] length = {(byte) certificate.length};
            return kdf.hmac(key, Kdf.concat(Label.SEALED_SENDER_MAC, version, senderIk, recipientIk, length,
                    certificate, body));
        } finally {
            SecretBytes.wipe(key);
        }
    }
}
