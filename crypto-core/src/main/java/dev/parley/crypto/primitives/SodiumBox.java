package dev.parley.crypto.primitives;

import com.goterl.lazysodium.Sodium;
import dev.parley.crypto.secret.SecretBytes;

/**
 * libsodium's {@code crypto_box_easy}, computed as {@code crypto_box_beforenm} then
 * {@code crypto_box_easy_afternm} so that a low-order public key is told apart from a forged ciphertext.
 */
final class SodiumBox implements Box {
    private static final int SHARED_KEY_BYTES = 32;
    private final Sodium sodium;

    SodiumBox(Sodium sodium) {
        this.sodium = sodium;
    }

    @Override
    public byte[] seal(byte[] recipientPublicKey, SecretBytes senderPrivateKey, byte[] nonce, byte[] plaintext)
            throws InvalidPublicKeyException {
        Inputs.publicKey(recipientPublicKey, PUBLIC_KEY_BYTES);
        Inputs.exactly(nonce, NONCE_BYTES, "box nonce");
        Inputs.notNull(plaintext, "plaintext");
        byte[] k = beforenm(recipientPublicKey, senderPrivateKey);
        try {
            byte[] out = new byte[plaintext.length + MAC_BYTES];
            if (sodium.crypto_box_easy_afternm(out, plaintext, plaintext.length, nonce, k) != 0) {
                throw new IllegalStateException("crypto_box_easy_afternm failed");
            }
            return out;
        } finally {
            SecretBytes.wipe(k);
        }
    }

    @Override
    public byte[] open(byte[] senderPublicKey, SecretBytes recipientPrivateKey, byte[] nonce, byte[] ciphertext)
            throws AuthenticationFailedException, InvalidPublicKeyException {
        Inputs.publicKey(senderPublicKey, PUBLIC_KEY_BYTES);
        Inputs.exactly(nonce, NONCE_BYTES, "box nonce");
        Inputs.notNull(ciphertext, "ciphertext");
        byte[] k = beforenm(senderPublicKey, recipientPrivateKey);
        try {
            if (ciphertext.length < MAC_BYTES) {
                throw new AuthenticationFailedException("box ciphertext shorter than its tag");
            }
            byte[] out = new byte[ciphertext.length - MAC_BYTES];
            if (sodium.crypto_box_open_easy_afternm(out, ciphertext, ciphertext.length, nonce, k) != 0) {
                SecretBytes.wipe(out);
                throw new AuthenticationFailedException("box did not authenticate");
            }
            return out;
        } finally {
            SecretBytes.wipe(k);
        }
    }

    private byte[] beforenm(byte[] publicKey, SecretBytes privateKey) throws InvalidPublicKeyException {
        byte[] sk = Inputs.secret(privateKey, X25519.KEY_BYTES, "X25519 private key");
        byte[] k = new byte[SHARED_KEY_BYTES];
        try {
            if (sodium.crypto_box_beforenm(k, publicKey, sk) != 0) {
                SecretBytes.wipe(k);
                throw new InvalidPublicKeyException("box public key has low order (all-zero shared secret)");
            }
            return k;
        } finally {
            SecretBytes.wipe(sk);
        }
    }
}
