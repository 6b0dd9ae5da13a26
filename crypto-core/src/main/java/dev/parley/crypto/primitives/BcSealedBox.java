package dev.parley.crypto.primitives;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * {@code crypto_box_seal} on BouncyCastle: ephemeral X25519 key pair, nonce = BLAKE2b-192(epk || rpk) (unkeyed,
 * {@link Blake2bDigest} with a 192-bit digest, as libsodium's {@code crypto_generichash} with outlen 24), output
 * epk || crypto_box_easy(m, nonce, rpk, esk).
 */
final class BcSealedBox implements SealedBox {
    private static final int NONCE_BYTES = 24;
    private final X25519 x25519;
    private final Box box;

    BcSealedBox(X25519 x25519, Box box) {
        this.x25519 = x25519;
        this.box = box;
    }

    @Override
    public byte[] seal(byte[] recipientPublicKey, byte[] plaintext) throws InvalidPublicKeyException {
        Inputs.publicKey(recipientPublicKey, Box.PUBLIC_KEY_BYTES);
        Inputs.notNull(plaintext, "plaintext");
        try (X25519KeyPair ephemeral = x25519.generateKeyPair()) {
            byte[] epk = ephemeral.publicKey();
            byte[] boxed = box.seal(recipientPublicKey, ephemeral.privateKey(), nonce(epk, recipientPublicKey), plaintext);
            byte[] out = new byte[epk.length + boxed.length];
            System.arraycopy(epk, 0, out, 0, epk.length);
            System.arraycopy(boxed, 0, out, epk.length, boxed.length);
            return out;
        }
    }

    @Override
    public byte[] open(X25519KeyPair recipient, byte[] ciphertext) throws AuthenticationFailedException {
        Inputs.notNull(ciphertext, "ciphertext");
        if (ciphertext.length < OVERHEAD_BYTES) {
            throw new AuthenticationFailedException("sealed box shorter than its overhead");
        }
        byte[] epk = Arrays.copyOf(ciphertext, Box.PUBLIC_KEY_BYTES);
        byte[] boxed = Arrays.copyOfRange(ciphertext, Box.PUBLIC_KEY_BYTES, ciphertext.length);
        try {
            return box.open(epk, recipient.privateKey(), nonce(epk, recipient.publicKey()), boxed);
        } catch (InvalidPublicKeyException e) {
            throw new AuthenticationFailedException("sealed box ephemeral key has low order");
        }
    }

    static byte[] nonce(byte[] epk, byte[] rpk) {
        Blake2bDigest blake = new Blake2bDigest(NONCE_BYTES * 8);
        blake.update(epk, 0, epk.length);
        blake.update(rpk, 0, rpk.length);
        byte[] nonce = new byte[NONCE_BYTES];
        blake.doFinal(nonce, 0);
        return nonce;
    }
}
