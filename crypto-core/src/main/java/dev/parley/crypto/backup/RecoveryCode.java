package dev.parley.crypto.backup;

import dev.parley.crypto.primitives.RandomSource;
import java.util.Arrays;

/**
 * A generated backup secret: {@value #DIGITS} uniformly random decimal digits (about 99.7 bits), shown once in
 * {@value #GROUPS} groups of five ({@code 12345 67890 ...}). Typed back with or without the spaces or dashes; the
 * secret that goes into Argon2id is the 30 ASCII digits.
 */
public final class RecoveryCode {
    public static final int DIGITS = 30;
    public static final int GROUPS = 6;
    private final char[] digits;

    private RecoveryCode(char[] digits) {
        this.digits = digits;
    }

    /** A fresh code; each digit by rejection sampling of random bytes (no modulo bias). */
    public static RecoveryCode generate(RandomSource random) {
        char[] digits = new char[DIGITS];
        int n = 0;
        while (n < DIGITS) {
            byte[] batch = random.bytes(DIGITS);
            for (int i = 0; i < batch.length && n < DIGITS; i++) {
                int b = batch[i] & 0xff;
                if (b < 250) {
                    digits[n++] = (char) ('0' + b % 10);
                }
            }
            Arrays.fill(batch, (byte) 0);
        }
        return new RecoveryCode(digits);
    }

    /**
     * Reads a code as typed: 30 digits, spaces and dashes ignored.
     *
     * @throws IllegalArgumentException anything else (the message says what a code looks like)
     */
    public static RecoveryCode parse(char[] typed) {
        char[] digits = new char[DIGITS];
        int n = 0;
        for (char c : typed) {
            if (c == ' ' || c == '-' || c == '\t') {
                continue;
            }
            if (c < '0' || c > '9' || n == DIGITS) {
                Arrays.fill(digits, '\0');
                throw new IllegalArgumentException("a recovery code is " + DIGITS + " digits");
            }
            digits[n++] = c;
        }
        if (n != DIGITS) {
            Arrays.fill(digits, '\0');
            throw new IllegalArgumentException("a recovery code is " + DIGITS + " digits");
        }
        return new RecoveryCode(digits);
    }

    /** The code for display: six groups of five digits separated by spaces. The caller wipes it. */
    public char[] grouped() {
        char[] out = new char[DIGITS + GROUPS - 1];
        int o = 0;
        for (int i = 0; i < DIGITS; i++) {
            if (i > 0 && i % 5 == 0) {
                out[o++] = ' ';
            }
            out[o++] = digits[i];
        }
        return out;
    }

    /** The secret for {@link BackupKeys}: the 30 ASCII digits. The caller wipes it. */
    public byte[] secret() {
        byte[] out = new byte[DIGITS];
        for (int i = 0; i < DIGITS; i++) {
            out[i] = (byte) digits[i];
        }
        return out;
    }

    /** Forgets the digits. */
    public void wipe() {
        Arrays.fill(digits, '\0');
    }

    @Override
    public String toString() {
        return "RecoveryCode[hidden]";
    }

}
