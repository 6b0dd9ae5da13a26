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
import dev.parley.crypto.primitives.SealedBox;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.session.CiphertextMessage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Sealed-sender envelopes: the relay sees only the recipient (next to these bytes) and a version byte.
 *
 * <pre>
 * sealed  = version (u8 = 1) || crypto_box_seal(X25519(IK_recipient), inner)
 * inner   = version (u8 = 1) || IK_sender (32) || L (u16, 1..256) || username (UTF-8, L bytes, zero-padded to 256)
 *           || MAC (32) || ciphertext message
 * macKey  = HKDF-SHA-256(salt = 32 zero bytes, ikm = X25519(IK_sender, IK_recipient),
 *                        info = "parley/v1/sealed-sender-key" || 0x00 || IK_sender || IK_recipient, L = 32)
 * MAC     = HMAC-SHA-256(macKey, "parley/v1/sealed-sender-mac" || 0x00 || version || IK_sender || IK_recipient
 *                        || L (u16) || username (L bytes) || ciphertext message)
 * </pre>
 * Only the two identity-key owners can compute the MAC key (static-static Diffie-Hellman), so a relay or third party
 * cannot re-seal someone's ratchet message under another sender, and the recipient cannot prove authorship to
 * anyone else (deniable, unlike a signature). Stateless and thread-safe.
 */
public final class SealedSender {
    public static final byte VERSION = 1;
    static final int USERNAME_FIELD_BYTES = Username.MAX_UTF8_BYTES;
    static final int MAC_BYTES = 32;
    static final int INNER_HEADER_BYTES = 1 + 32 + 2 + USERNAME_FIELD_BYTES + MAC_BYTES;

    private final CryptoProvider crypto;
    private final Kdf kdf;

    public SealedSender(CryptoProvider crypto) {
        this.crypto = crypto;
        this.kdf = new Kdf(crypto);
    }

    /**
     * Seals {@code message} from {@code sender} (known to the recipient as {@code senderUsername}) to {@code recipient}.
     *
     * @throws InvalidPublicKeyException if the recipient identity key is not a valid public key
     */
    public byte[] seal(IdentityKey recipient, IdentityKeyPair sender, Username senderUsername, CiphertextMessage message)
            throws InvalidPublicKeyException {
        byte[] recipientX = recipient.x25519PublicKey(crypto);
        byte[] username = senderUsername.utf8();
        byte[] body = message.serialize();
        byte[] senderIk = sender.publicKey().bytes();
        byte[] mac = mac(macKey(sender.agreementKeyPair().privateKey(), recipientX, senderIk, recipient.bytes()),
                senderIk, recipient.bytes(), username, body);
        byte[] inner = ByteBuffer.allocate(INNER_HEADER_BYTES + body.length).put(VERSION).put(senderIk)
                .putShort((short) username.length).put(Arrays.copyOf(username, USERNAME_FIELD_BYTES)).put(mac).put(body)
                .array();
        byte[] box = crypto.sealedBox().seal(recipientX, inner);
        byte[] sealed = new byte[1 + box.length];
        sealed[0] = VERSION;
        System.arraycopy(box, 0, sealed, 1, box.length);
        return sealed;
    }

    /**
     * Opens an envelope addressed to {@code recipient} and checks the sender MAC.
     *
     * @throws UnsupportedVersionException if the outer or inner version byte is unknown
     * @throws InvalidMessageException     if the envelope does not open, is malformed, or its MAC does not verify
     */
    public OpenedEnvelope open(IdentityKeyPair recipient, byte[] sealed)
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
        int usernameLength = Short.toUnsignedInt(in.getShort());
        byte[] usernameField = new byte[USERNAME_FIELD_BYTES];
        in.get(usernameField);
        byte[] mac = new byte[MAC_BYTES];
        in.get(mac);
        byte[] body = new byte[in.remaining()];
        in.get(body);
        if (usernameLength < 1 || usernameLength > USERNAME_FIELD_BYTES) {
            throw new InvalidMessageException("envelope content: bad username length");
        }
        for (int i = usernameLength; i < USERNAME_FIELD_BYTES; i++) {
            if (usernameField[i] != 0) {
                throw new InvalidMessageException("envelope content: bad username padding");
            }
        }
        byte[] username = Arrays.copyOf(usernameField, usernameLength);
        byte[] recipientIk = recipient.publicKey().bytes();
        IdentityKey sender = new IdentityKey(senderIk);
        byte[] senderX;
        try {
            senderX = sender.x25519PublicKey(crypto);
        } catch (InvalidPublicKeyException e) {
            throw new InvalidMessageException("envelope content: invalid sender identity key");
        }
        byte[] expected;
        try {
            expected = mac(macKey(recipient.agreementKeyPair().privateKey(), senderX, senderIk, recipientIk),
                    senderIk, recipientIk, username, body);
        } catch (InvalidPublicKeyException e) {
            throw new InvalidMessageException("envelope content: invalid sender identity key");
        }
        if (!ConstantTime.equals(expected, mac)) {
            throw new InvalidMessageException("envelope content: sender authentication failed");
        }
        Username senderUsername;
        try {
            senderUsername = new Username(strictUtf8(username));
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("envelope content: invalid sender username");
        }
        return new OpenedEnvelope(sender, senderUsername, CiphertextMessage.deserialize(body));
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

    private byte[] mac(byte[] key, byte[] senderIk, byte[] recipientIk, byte[] username, byte[] body) {
        try {
            byte[] lengthAndVersion = {VERSION};
            byte[] length = {(byte) (username.length >>> 8), (byte) username.length};
            return kdf.hmac(key, Kdf.concat(Label.SEALED_SENDER_MAC, lengthAndVersion, senderIk, recipientIk, length,
                    username, body));
        } finally {
            SecretBytes.wipe(key);
        }
    }

    private static String strictUtf8(byte[] bytes) throws InvalidMessageException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidMessageException("envelope content: sender username is not valid UTF-8");
        }
    }
}
