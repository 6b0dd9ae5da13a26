package dev.parley.crypto.envelope;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.kdf.Kdf;
import dev.parley.crypto.kdf.Label;
import dev.parley.crypto.primitives.AuthenticationFailedException;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.SecretBox;
import dev.parley.crypto.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The encrypted part every multi-recipient body carries, whatever the header version (docs/protocol.md 1.15.4):
 *
 * <pre>
 * okm   = HKDF(salt = zero, ikm = K, info = LABEL(MULTI_BODY), L = 56)
 * inner = 0x01 || IK_sender (32) || C (u8) || certificate (C bytes, zero-padded to 146) || message
 * box   = secretbox(okm[0..32], okm[32..56], inner)
 * </pre>
 */
final class MultiRecipientInner {
    static final byte VERSION = 1;
    static final int PREFIX_BYTES = 1 + 32 + 1 + SenderCertificate.MAX_BYTES;

    /** An opened inner part: the claimed sender key, its certificate bytes and the message (nothing checked but layout). */
    record Parsed(byte[] senderIk, byte[] certificate, byte[] message) {
    }

    private final CryptoProvider crypto;
    private final Kdf kdf;

    MultiRecipientInner(CryptoProvider crypto) {
        this.crypto = crypto;
        this.kdf = new Kdf(crypto);
    }

    /** The secretbox of the inner part under {@code key}. */
    byte[] seal(byte[] key, IdentityKeyPair sender, SenderCertificate certificate, byte[] message) {
        byte[] senderIk = sender.publicKey().bytes();
        if (!Arrays.equals(certificate.identityKey(), senderIk)) {
            throw new IllegalArgumentException("the certificate is for another identity key");
        }
        byte[] cert = certificate.serialize();
        byte[] inner = ByteBuffer.allocate(PREFIX_BYTES + message.length).put(VERSION).put(senderIk)
                .put((byte) cert.length).put(Arrays.copyOf(cert, SenderCertificate.MAX_BYTES)).put(message).array();
        byte[] okm = kdf.derive(null, key, Label.MULTI_BODY, new byte[0], SecretBox.KEY_BYTES + SecretBox.NONCE_BYTES);
        try (SecretBytes boxKey = SecretBytes.copyOf(Arrays.copyOf(okm, SecretBox.KEY_BYTES))) {
            return crypto.secretBox().seal(boxKey, Arrays.copyOfRange(okm, SecretBox.KEY_BYTES, okm.length), inner);
        } finally {
            SecretBytes.wipe(okm);
        }
    }

    /** Opens the secretbox {@code body[from..]} under {@code key} and checks the inner layout and padding. */
    Parsed open(byte[] key, byte[] body, int from) throws InvalidMessageException {
        byte[] okm = kdf.derive(null, key, Label.MULTI_BODY, new byte[0], SecretBox.KEY_BYTES + SecretBox.NONCE_BYTES);
        byte[] inner;
        try (SecretBytes boxKey = SecretBytes.copyOf(Arrays.copyOf(okm, SecretBox.KEY_BYTES))) {
            inner = crypto.secretBox().open(boxKey, Arrays.copyOfRange(okm, SecretBox.KEY_BYTES, okm.length),
                    Arrays.copyOfRange(body, from, body.length));
        } catch (AuthenticationFailedException e) {
            throw new InvalidMessageException("multi-recipient body: does not open with the header's key");
        } finally {
            SecretBytes.wipe(okm);
        }
        if (inner.length < PREFIX_BYTES + 1 || inner[0] != VERSION) {
            throw new InvalidMessageException("multi-recipient body: malformed content");
        }
        int certificateLength = Byte.toUnsignedInt(inner[33]);
        if (certificateLength < 1 || certificateLength > SenderCertificate.MAX_BYTES) {
            throw new InvalidMessageException("multi-recipient body: bad certificate length");
        }
        for (int i = 34 + certificateLength; i < PREFIX_BYTES; i++) {
            if (inner[i] != 0) {
                throw new InvalidMessageException("multi-recipient body: bad certificate padding");
            }
        }
        return new Parsed(Arrays.copyOfRange(inner, 1, 33), Arrays.copyOfRange(inner, 34, 34 + certificateLength),
                Arrays.copyOfRange(inner, PREFIX_BYTES, inner.length));
    }

    /** The sender key of a parsed inner part, refused as a message error if it is not a valid key. */
    static IdentityKey sender(Parsed parsed) throws InvalidMessageException {
        try {
            return new IdentityKey(parsed.senderIk());
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("multi-recipient body: invalid sender identity key");
        }
    }
}
