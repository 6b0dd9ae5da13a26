package dev.parley.crypto.session;

import dev.parley.crypto.primitives.MlKem1024;
import java.util.OptionalInt;

/**
 * The initiator's record of which prekeys it used and the KEM ciphertext it made, kept (and repeated in every
 * PreKeyRatchetMessage) until the responder's first reply arrives.
 */
record PendingPreKey(int signedPreKeyId, OptionalInt oneTimePreKeyId, int kemPreKeyId, byte[] kemCiphertext) {
    PendingPreKey {
        if (kemCiphertext.length != MlKem1024.CIPHERTEXT_BYTES) {
            throw new IllegalArgumentException("KEM ciphertext: 1568 bytes expected");
        }
        kemCiphertext = kemCiphertext.clone();
    }

    @Override
    public byte[] kemCiphertext() {
        return kemCiphertext.clone();
    }
}
