package dev.parley.crypto.primitives;

import dev.parley.crypto.secret.SecretBytes;

/** {@link SecretBox} on BouncyCastle, equivalent to {@code crypto_secretbox_easy} (see {@link XSalsa20Poly1305}). */
final class BcSecretBox implements SecretBox {

    @Override
    public byte[] seal(SecretBytes key, byte[] nonce, byte[] plaintext) {
        Inputs.exactly(nonce, NONCE_BYTES, "secretbox nonce");
        Inputs.notNull(plaintext, "plaintext");
        byte[] k = Inputs.secret(key, KEY_BYTES, "secretbox key");
        try {
            return XSalsa20Poly1305.seal(k, nonce, plaintext);
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
            byte[] plaintext = XSalsa20Poly1305.open(k, nonce, ciphertext);
            if (plaintext == null) {
                throw new AuthenticationFailedException("secretbox did not authenticate");
            }
            return plaintext;
        } finally {
            SecretBytes.wipe(k);
        }
    }
}
