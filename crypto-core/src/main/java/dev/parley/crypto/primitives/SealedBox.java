package dev.parley.crypto.primitives;

/**
 * Anonymous public-key encryption, exactly libsodium's {@code crypto_box_seal}: an ephemeral X25519 key, nonce =
 * BLAKE2b-192(ephemeral_pk || recipient_pk), output = ephemeral_pk || crypto_box(...). Overhead 48 bytes.
 */
public interface SealedBox {
    int OVERHEAD_BYTES = 48;

    byte[] seal(byte[] recipientPublicKey, byte[] plaintext) throws InvalidPublicKeyException;

    byte[] open(X25519KeyPair recipient, byte[] ciphertext) throws AuthenticationFailedException;
}
