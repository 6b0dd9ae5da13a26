package dev.parley.crypto.primitives;

import java.util.Arrays;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * XSalsa20-Poly1305 on BouncyCastle, byte-compatible with libsodium's {@code crypto_secretbox_easy}: the first 32
 * keystream bytes are the one-time Poly1305 key, the message is XORed with the keystream from byte 32 on, and the
 * output is the 16-byte tag over the ciphertext followed by the ciphertext.
 */
final class XSalsa20Poly1305 {
    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 24;
    static final int MAC_BYTES = 16;
    private static final int POLY_KEY_BYTES = 32;

    private XSalsa20Poly1305() {
    }

    static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext) {
        XSalsa20Engine stream = stream(key, nonce);
        byte[] polyKey = new byte[POLY_KEY_BYTES];
        try {
            stream.processBytes(polyKey, 0, POLY_KEY_BYTES, polyKey, 0);
            byte[] out = new byte[MAC_BYTES + plaintext.length];
            stream.processBytes(plaintext, 0, plaintext.length, out, MAC_BYTES);
            mac(polyKey, out, MAC_BYTES, plaintext.length, out, 0);
            return out;
        } finally {
            Arrays.fill(polyKey, (byte) 0);
        }
    }

    /** Null if the tag does not match; plaintext is produced only after the tag has been checked. */
    static byte[] open(byte[] key, byte[] nonce, byte[] ciphertext) {
        if (ciphertext.length < MAC_BYTES) {
            return null;
        }
        XSalsa20Engine stream = stream(key, nonce);
        byte[] polyKey = new byte[POLY_KEY_BYTES];
        byte[] expected = new byte[MAC_BYTES];
        try {
            stream.processBytes(polyKey, 0, POLY_KEY_BYTES, polyKey, 0);
            int length = ciphertext.length - MAC_BYTES;
            mac(polyKey, ciphertext, MAC_BYTES, length, expected, 0);
            if (!ConstantTime.equals(expected, Arrays.copyOf(ciphertext, MAC_BYTES))) {
                return null;
            }
            byte[] out = new byte[length];
            stream.processBytes(ciphertext, MAC_BYTES, length, out, 0);
            return out;
        } finally {
            Arrays.fill(polyKey, (byte) 0);
        }
    }

    private static XSalsa20Engine stream(byte[] key, byte[] nonce) {
        XSalsa20Engine engine = new XSalsa20Engine();
        engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        return engine;
    }

    private static void mac(byte[] polyKey, byte[] data, int offset, int length, byte[] out, int outOffset) {
        Poly1305 poly = new Poly1305();
        poly.init(new KeyParameter(polyKey));
        poly.update(data, offset, length);
        poly.doFinal(out, outOffset);
    }
}
