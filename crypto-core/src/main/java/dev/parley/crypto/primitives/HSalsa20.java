package dev.parley.crypto.primitives;

import java.util.Arrays;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.util.Pack;

/**
 * HSalsa20 (Bernstein, "Extending the Salsa20 nonce", section 2), equivalent to libsodium's
 * {@code crypto_core_hsalsa20} with the default "expand 32-byte k" constant: the 20-round Salsa20 permutation of
 * (constant, key, 16-byte input) <em>without</em> the final feed-forward addition, output words 0, 5, 10, 15, 6, 7,
 * 8, 9. BouncyCastle's {@link Salsa20Engine#salsaCore} adds the input back, so it is subtracted again here, as
 * BouncyCastle's own XSalsa20 key setup does.
 */
final class HSalsa20 {
    private static final int[] SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};
    private static final int[] OUTPUT_WORDS = {0, 5, 10, 15, 6, 7, 8, 9};

    private HSalsa20() {
    }

    /** The 32-byte HSalsa20 output for a 32-byte key and 16-byte input. */
    static byte[] hash(byte[] key, byte[] input16) {
        Inputs.exactly(key, 32, "HSalsa20 key");
        Inputs.exactly(input16, 16, "HSalsa20 input");
        int[] state = new int[16];
        state[0] = SIGMA[0];
        state[5] = SIGMA[1];
        state[10] = SIGMA[2];
        state[15] = SIGMA[3];
        for (int i = 0; i < 4; i++) {
            state[1 + i] = Pack.littleEndianToInt(key, 4 * i);
            state[11 + i] = Pack.littleEndianToInt(key, 16 + 4 * i);
            state[6 + i] = Pack.littleEndianToInt(input16, 4 * i);
        }
        int[] mixed = new int[16];
        try {
            Salsa20Engine.salsaCore(20, state, mixed);
            byte[] out = new byte[32];
            for (int i = 0; i < OUTPUT_WORDS.length; i++) {
                int word = OUTPUT_WORDS[i];
                Pack.intToLittleEndian(mixed[word] - state[word], out, 4 * i);
            }
            return out;
        } finally {
            Arrays.fill(state, 0);
            Arrays.fill(mixed, 0);
        }
    }
}
