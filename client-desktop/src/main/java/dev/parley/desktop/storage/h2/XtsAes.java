package dev.parley.desktop.storage.h2;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * XTS-AES (IEEE 1619) over whole data units whose length is a multiple of 16 bytes, with the JDK's AES
 * ({@code AES/ECB/NoPadding}, which HotSpot runs on the processor's AES instructions). The data unit number is the
 * tweak, little-endian in 16 bytes, encrypted under the tweak key; each later block's tweak is the previous one
 * multiplied by x in GF(2^128). All tweaks of a unit are computed first, so the data is encrypted in one ECB call.
 * Ciphertext stealing (a partial last block) is not needed by the file layer and not supported.
 *
 * <p>Thread-safe: the JDK ciphers are used under this object's lock. {@link #close()} drops them and wipes the
 * scratch buffer; the JDK keeps its expanded AES key inside the cipher objects until they are collected.
 */
final class XtsAes implements AutoCloseable {
    static final int BLOCK = 16;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long FEEDBACK = 0x87;

    private Cipher encrypt;
    private Cipher decrypt;
    private Cipher tweak;
    private byte[] tweaks = new byte[0];
    /** The data XOR its tweaks, the AES input: a separate array, because the JDK copies an in-place input first. */
    private byte[] masked = new byte[0];
    private final byte[] first = new byte[BLOCK];

    /** {@code dataKey} and {@code tweakKey}: 16 or 32 bytes each; copied, the caller wipes its arrays. */
    XtsAes(byte[] dataKey, byte[] tweakKey) {
        try {
            SecretKeySpec data = new SecretKeySpec(dataKey, "AES");
            SecretKeySpec tweakSpec = new SecretKeySpec(tweakKey, "AES");
            encrypt = Cipher.getInstance("AES/ECB/NoPadding");
            encrypt.init(Cipher.ENCRYPT_MODE, data);
            decrypt = Cipher.getInstance("AES/ECB/NoPadding");
            decrypt.init(Cipher.DECRYPT_MODE, data);
            tweak = Cipher.getInstance("AES/ECB/NoPadding");
            tweak.init(Cipher.ENCRYPT_MODE, tweakSpec);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    /** Encrypts {@code length} bytes of {@code data} at {@code offset} in place, as data unit {@code unit}. */
    synchronized void encrypt(long unit, byte[] data, int offset, int length) {
        crypt(encrypt, unit, data, offset, length);
    }

    /** Decrypts {@code length} bytes of {@code data} at {@code offset} in place, as data unit {@code unit}. */
    synchronized void decrypt(long unit, byte[] data, int offset, int length) {
        crypt(decrypt, unit, data, offset, length);
    }

    private void crypt(Cipher cipher, long unit, byte[] data, int offset, int length) {
        if (cipher == null) {
            throw new IllegalStateException("the cipher is closed");
        }
        if (length <= 0 || length % BLOCK != 0) {
            throw new IllegalArgumentException("XTS data units here are whole 16-byte blocks");
        }
        if (tweaks.length < length) {
            Arrays.fill(masked, (byte) 0);
            tweaks = new byte[length];
            masked = new byte[length];
        }
        try {
            LONG.set(first, 0, unit);
            tweak.doFinal(first, 0, BLOCK, tweaks, 0);
            long lo = (long) LONG.get(tweaks, 0);
            long hi = (long) LONG.get(tweaks, 8);
            for (int i = BLOCK; i < length; i += BLOCK) {
                long carry = hi >> 63;
                hi = (hi << 1) | (lo >>> 63);
                lo = (lo << 1) ^ (carry & FEEDBACK);
                LONG.set(tweaks, i, lo);
                LONG.set(tweaks, i + 8, hi);
            }
            for (int i = 0; i < length; i += 8) {
                LONG.set(masked, i, (long) LONG.get(data, offset + i) ^ (long) LONG.get(tweaks, i));
            }
            // from masked into data: with the same array as input and output the JDK's cipher copies the input into
            // a new array on every call (4 KiB per block read or written, an eighth of the sweep's allocation)
            if (cipher.doFinal(masked, 0, length, data, offset) != length) {
                throw new IllegalStateException("AES returned a short block");
            }
            xor(data, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed", e);
        }
    }

    private void xor(byte[] data, int offset, int length) {
        for (int i = 0; i < length; i += 8) {
            LONG.set(data, offset + i, (long) LONG.get(data, offset + i) ^ (long) LONG.get(tweaks, i));
        }
    }

    @Override
    public synchronized void close() {
        encrypt = null;
        decrypt = null;
        tweak = null;
        Arrays.fill(tweaks, (byte) 0);
        Arrays.fill(masked, (byte) 0);
    }
}
