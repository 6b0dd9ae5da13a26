package dev.parley.crypto.session;

import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.kdf.Kdf;
import dev.parley.crypto.kdf.Label;
import dev.parley.crypto.ratchet.RootKey;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The PQXDH key derivation (Signal's PQXDH with Parley's own label): SK = HKDF-SHA-256(salt = 32 zero bytes,
 * ikm = 0xFF * 32 || DH1 || DH2 || DH3 [|| DH4] || SS, info = "parley/v2/pqxdh" || 0x00 || IK_A || IK_B, L = 32),
 * where A is the initiator and SS the ML-KEM-1024 shared secret. SK becomes the first root key.
 */
final class Pqxdh {
    private Pqxdh() {
    }

    /**
     * @param kemSecret   the 32-byte ML-KEM shared secret (wiped here)
     * @param dhOutputs   DH1, DH2, DH3 and optionally DH4, each 32 bytes (wiped here)
     */
    static RootKey sharedSecret(Kdf kdf, IdentityKey initiator, IdentityKey responder, byte[] kemSecret,
            byte[]... dhOutputs) {
        if (kemSecret.length != 32 || dhOutputs.length < 3 || dhOutputs.length > 4) {
            throw new IllegalArgumentException("PQXDH: three or four DH outputs and a 32-byte KEM secret expected");
        }
        ByteArrayOutputStream ikm = new ByteArrayOutputStream(32 * (dhOutputs.length + 2));
        byte[] ff = new byte[32];
        Arrays.fill(ff, (byte) 0xFF);
        ikm.writeBytes(ff);
        for (byte[] dh : dhOutputs) {
            ikm.writeBytes(dh);
        }
        ikm.writeBytes(kemSecret);
        byte[] input = ikm.toByteArray();
        byte[] context = new byte[2 * IdentityKey.BYTES];
        System.arraycopy(initiator.bytes(), 0, context, 0, IdentityKey.BYTES);
        System.arraycopy(responder.bytes(), 0, context, IdentityKey.BYTES, IdentityKey.BYTES);
        byte[] sk = kdf.derive(null, input, Label.PQXDH, context, RootKey.BYTES);
        try {
            return new RootKey(sk);
        } finally {
            Arrays.fill(sk, (byte) 0);
            Arrays.fill(input, (byte) 0);
            Arrays.fill(kemSecret, (byte) 0);
            for (byte[] dh : dhOutputs) {
                Arrays.fill(dh, (byte) 0);
            }
        }
    }
}
