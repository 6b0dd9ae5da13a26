package dev.parley.crypto.session;

import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.kdf.Kdf;
import dev.parley.crypto.kdf.Label;
import dev.parley.crypto.ratchet.RootKey;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The X3DH key derivation: SK = HKDF-SHA-256(salt = 32 zero bytes, ikm = 0xFF * 32 || DH1 || DH2 || DH3 [|| DH4],
 * info = "parley/v1/x3dh" || 0x00 || IK_A || IK_B, L = 32), where A is the initiator. SK becomes the first root key.
 */
final class X3dh {
    private X3dh() {
    }

    static RootKey sharedSecret(Kdf kdf, IdentityKey initiator, IdentityKey responder, byte[]... dhOutputs) {
        ByteArrayOutputStream ikm = new ByteArrayOutputStream(32 * (dhOutputs.length + 1));
        byte[] ff = new byte[32];
        Arrays.fill(ff, (byte) 0xFF);
        ikm.writeBytes(ff);
        for (byte[] dh : dhOutputs) {
            ikm.writeBytes(dh);
        }
        byte[] input = ikm.toByteArray();
        byte[] context = new byte[2 * IdentityKey.BYTES];
        System.arraycopy(initiator.bytes(), 0, context, 0, IdentityKey.BYTES);
        System.arraycopy(responder.bytes(), 0, context, IdentityKey.BYTES, IdentityKey.BYTES);
        byte[] sk = kdf.derive(null, input, Label.X3DH, context, RootKey.BYTES);
        try {
            return new RootKey(sk);
        } finally {
            Arrays.fill(sk, (byte) 0);
            Arrays.fill(input, (byte) 0);
            for (byte[] dh : dhOutputs) {
                Arrays.fill(dh, (byte) 0);
            }
        }
    }
}
