package dev.parley.crypto.testing;

import dev.parley.crypto.envelope.SenderCertificate;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.kdf.Kdf;
import dev.parley.crypto.kdf.Label;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.InvalidPublicKeyException;
import dev.parley.crypto.primitives.RandomSource;
import dev.parley.crypto.primitives.SecretBox;
import dev.parley.crypto.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An old sender: seals a multi-recipient envelope in the first format (docs/protocol.md 1.15.4, "Version 1"), which
 * clients no longer send but still open. Written from the protocol text, apart from the production code, so that a
 * test of opening it checks the text too:
 *
 * <pre>
 * body   = 0x01 || secretbox(HKDF(K, MULTI_BODY)[0..32], [32..56], inner)
 * macKey = HKDF(salt = zero, ikm = DH(IKx_sender, IKx_recipient), info = LABEL(MULTI_HEADER_KEY) || IK_s || IK_r, 32)
 * tag    = HMAC(macKey, LABEL(MULTI_HEADER_MAC) || 0x01 || IK_sender || IK_recipient || K || SHA-256(body))
 * header = 0x01 || sealedbox(IKx_recipient, K || tag)                                    (113 bytes)
 * </pre>
 */
public final class MultiRecipientSealV1 {
    private final CryptoProvider crypto;
    private final Kdf kdf;

    public MultiRecipientSealV1(CryptoProvider crypto) {
        this.crypto = crypto;
        this.kdf = new Kdf(crypto);
    }

    /** The body, then one header per recipient, in order. */
    public List<byte[]> seal(List<IdentityKey> recipients, IdentityKeyPair sender, SenderCertificate certificate,
                             byte[] message, RandomSource random) throws InvalidPublicKeyException {
        byte[] key = random.bytes(32);
        byte[] cert = certificate.serialize();
        byte[] senderIk = sender.publicKey().bytes();
        byte[] inner = ByteBuffer.allocate(1 + 32 + 1 + SenderCertificate.MAX_BYTES + message.length).put((byte) 1)
                .put(senderIk).put((byte) cert.length).put(Arrays.copyOf(cert, SenderCertificate.MAX_BYTES))
                .put(message).array();
        byte[] okm = kdf.derive(null, key, Label.MULTI_BODY, new byte[0], 56);
        byte[] box = crypto.secretBox().seal(SecretBytes.copyOf(Arrays.copyOf(okm, SecretBox.KEY_BYTES)),
                Arrays.copyOfRange(okm, SecretBox.KEY_BYTES, 56), inner);
        byte[] body = ByteBuffer.allocate(1 + box.length).put((byte) 1).put(box).array();
        byte[] hash = crypto.sha256(body);
        List<byte[]> out = new ArrayList<>();
        out.add(body);
        for (IdentityKey recipient : recipients) {
            byte[] recipientX = recipient.x25519PublicKey(crypto);
            byte[] recipientIk = recipient.bytes();
            byte[] macKey;
            try (SecretBytes shared = crypto.x25519().agree(sender.agreementKeyPair().privateKey(), recipientX)) {
                macKey = kdf.derive(null, shared.bytes(), Label.MULTI_HEADER_KEY,
                        ByteBuffer.allocate(64).put(senderIk).put(recipientIk).array(), 32);
            }
            byte[] tag = kdf.hmac(macKey, Kdf.concat(Label.MULTI_HEADER_MAC, new byte[] {1}, senderIk, recipientIk,
                    key, hash));
            byte[] sealed = crypto.sealedBox().seal(recipientX,
                    ByteBuffer.allocate(64).put(key).put(tag).array());
            out.add(ByteBuffer.allocate(1 + sealed.length).put((byte) 1).put(sealed).array());
        }
        return out;
    }
}
