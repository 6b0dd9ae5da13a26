package dev.parley.crypto.primitives;

import dev.parley.crypto.secret.SecretBytes;

/**
 * {@code crypto_box_easy} on BouncyCastle: k = HSalsa20(X25519(sk, pk), 16 zero bytes) (libsodium's
 * {@code crypto_box_beforenm}), then XSalsa20-Poly1305 with k ({@link XSalsa20Poly1305}).
 */
final class BcBox implements Box {
    private static final byte[] ZERO_INPUT = new byte[16];

    @Override
    public byte[] seal(byte[] recipientPublicKey, SecretBytes senderPrivateKey, byte[] nonce, byte[] plaintext)
            throws InvalidPublicKeyException {
        Inputs.publicKey(recipientPublicKey, PUBLIC_KEY_BYTES);
        Inputs.exactly(nonce, NONCE_BYTES, "box nonce");
        Inputs.notNull(plaintext, "plaintext");
        byte[] k = beforenm(recipientPublicKey, senderPrivateKey);
        try {
            return XSalsa20Poly1305.seal(k, nonce, plaintext);
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
            byte[] plaintext = XSalsa20Poly1305.open(k, nonce, ciphertext);
            if (plaintext == null) {
                throw new AuthenticationFailedException(ciphertext.length < MAC_BYTES
                        ? "box ciphertext shorter than its tag" : "box did not authenticate");
            }
            return plaintext;
        } finally {
            SecretBytes.wipe(k);
        }
    }

    /** libsodium's {@code crypto_box_beforenm}. */
    static byte[] beforenm(byte[] publicKey, SecretBytes privateKey) throws InvalidPublicKeyException {
        byte[] shared = BcX25519.rawAgree(privateKey, publicKey);
        try {
            return HSalsa20.hash(shared, ZERO_INPUT);
        } finally {
            SecretBytes.wipe(shared);
        }
    }
}
