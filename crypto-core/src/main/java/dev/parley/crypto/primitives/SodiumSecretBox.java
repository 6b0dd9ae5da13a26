package dev.parley.crypto.primitives;

import com.goterl.lazysodium.Sodium;
import dev.parley.crypto.secret.SecretBytes;

/** XSalsa20-Poly1305: libsodium's {@code crypto_secretbox_easy} / {@code crypto_secretbox_open_easy}. */
final class SodiumSecretBox implements SecretBox {
    private final Sodium sodium;

    SodiumSecretBox(Sodium sodium) {
        this.sodium = sodium;
    }

    @Override
    public byte[] seal(SecretBytes key, byte[] nonce, byte[] plaintext) {
        Inputs.exactly(nonce, NONCE_BYTES, "secretbox nonce");
        Inputs.notNull(plaintext, "plaintext");
        byte[] k = Inputs.secret(key, KEY_BYTES, "secretbox key");
        try {
            byte[] out = new byte[plaintext.length + MAC_BYTES];
            if (sodium.crypto_secretbox_easy(out, plaintext, plaintext.length, nonce, k) != 0) {
                throw new IllegalStateException("crypto_secretbox_easy failed");
            }
            return out;
        } finally {
            SecretBytes.wipe(k);
        }
    }

    @Override
    public byte[] open(SecretBytes key, byte[] nonce, byte[] ciphertext) throws AuthenticationFailedException {
        Inputs.exactly(nonce, NONCE_BYTES, "secretbox nonce");
        Inputs.notNull(ciphertext, "ciphertext");
        if (ciphertext.length < MAC_BYTES) {
            throw new AuthenticationFailedException("secretbox ciphertext shorter than its tag");
        }
        byte[] k = Inputs.secret(key, KEY_BYTES, "secretbox key");
        try {
            byte[] out = new byte[ciphertext.length - MAC_BYTES];
            if (sodium.crypto_secretbox_open_easy(out, ciphertext, ciphertext.length, nonce, k) != 0) {
                SecretBytes.wipe(out);
                throw new AuthenticationFailedException("secretbox did not authenticate");
            }
            return out;
        } finally {
            SecretBytes.wipe(k);
        }
    }
}
