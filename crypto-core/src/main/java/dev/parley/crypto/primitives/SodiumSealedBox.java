package dev.parley.crypto.primitives;

import com.goterl.lazysodium.Sodium;
import dev.parley.crypto.secret.SecretBytes;

/**
 * libsodium's {@code crypto_box_seal}: the ephemeral key comes from the provider's {@link RandomSource} (so tests can
 * make it deterministic), the nonce is {@code crypto_generichash(24, epk || rpk)}, and the box is
 * {@code crypto_box_easy}. Opening is libsodium's own {@code crypto_box_seal_open}.
 */
final class SodiumSealedBox implements SealedBox {
    private static final int NONCE_BYTES = 24;
    private final Sodium sodium;
    private final X25519 x25519;
    private final Box box;

    SodiumSealedBox(Sodium sodium, X25519 x25519, Box box) {
        this.sodium = sodium;
        this.x25519 = x25519;
        this.box = box;
    }

    @Override
    public byte[] seal(byte[] recipientPublicKey, byte[] plaintext) throws InvalidPublicKeyException {
        Inputs.publicKey(recipientPublicKey, Box.PUBLIC_KEY_BYTES);
        Inputs.notNull(plaintext, "plaintext");
        try (X25519KeyPair ephemeral = x25519.generateKeyPair()) {
            byte[] epk = ephemeral.publicKey();
            byte[] nonce = nonce(epk, recipientPublicKey);
            byte[] boxed = box.seal(recipientPublicKey, ephemeral.privateKey(), nonce, plaintext);
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
        byte[] sk = Inputs.secret(recipient.privateKey(), X25519.KEY_BYTES, "X25519 private key");
        try {
            byte[] out = new byte[ciphertext.length - OVERHEAD_BYTES];
            if (sodium.crypto_box_seal_open(out, ciphertext, ciphertext.length, recipient.publicKey(), sk) != 0) {
                SecretBytes.wipe(out);
                throw new AuthenticationFailedException("sealed box did not authenticate");
            }
            return out;
        } finally {
            SecretBytes.wipe(sk);
        }
    }

    private byte[] nonce(byte[] epk, byte[] rpk) {
        byte[] input = new byte[epk.length + rpk.length];
        System.arraycopy(epk, 0, input, 0, epk.length);
        System.arraycopy(rpk, 0, input, epk.length, rpk.length);
        byte[] nonce = new byte[NONCE_BYTES];
        if (sodium.crypto_generichash(nonce, NONCE_BYTES, input, input.length, null, 0) != 0) {
            throw new IllegalStateException("crypto_generichash failed");
        }
        return nonce;
    }
}
