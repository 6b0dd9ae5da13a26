package dev.parley.crypto.attachment;

import java.nio.ByteBuffer;

/**
 * The sizes and nonces of Parley's chunked file encryption (docs/protocol.md, 1.11): the plaintext is padded with
 * zeros to {@link #paddedSize(long)}, cut into {@value #PLAIN_CHUNK_BYTES}-byte chunks, and chunk {@code i} is sealed
 * with XSalsa20-Poly1305 under the file's key and {@link #nonce(long, boolean)}.
 */
public final class AttachmentFormat {
    /** Plaintext bytes in every chunk but the last. */
    public static final int PLAIN_CHUNK_BYTES = 32_752;
    /** Poly1305 tag bytes per chunk. */
    public static final int TAG_BYTES = 16;
    /** Ciphertext bytes in every chunk but the last. */
    public static final int CIPHER_CHUNK_BYTES = PLAIN_CHUNK_BYTES + TAG_BYTES;
    /** Bytes of a file key. */
    public static final int KEY_BYTES = 32;
    /** Bytes of the ciphertext digest (SHA-256). */
    public static final int DIGEST_BYTES = 32;
    /** Largest plaintext a pointer may describe: 2 GiB. */
    public static final long MAX_PLAINTEXT_BYTES = 1L << 31;
    /** Smallest padded size (Signal's rule). */
    public static final long MIN_PADDED_BYTES = 541;

    private static final double GROWTH = 1.05;

    private AttachmentFormat() {
    }

    /**
     * Signal's padding rule: {@code max(541, floor(1.05^ceil(log_1.05(size))))}, never less than {@code size}.
     *
     * @throws IllegalArgumentException for a negative size or one over {@link #MAX_PLAINTEXT_BYTES}
     */
    public static long paddedSize(long size) {
        checkSize(size);
        if (size <= MIN_PADDED_BYTES) {
            return MIN_PADDED_BYTES;
        }
        int exponent = (int) Math.ceil(Math.log(size) / Math.log(GROWTH));
        long padded = (long) Math.floor(Math.pow(GROWTH, exponent));
        while (padded < size) {
            // Rounding in log/pow can land one step low; the rule's value is never below the size.
            exponent++;
            padded = (long) Math.floor(Math.pow(GROWTH, exponent));
        }
        return Math.max(MIN_PADDED_BYTES, padded);
    }

    /** Number of chunks of a file of {@code size} plaintext bytes (at least 1). */
    public static long chunkCount(long size) {
        long padded = paddedSize(size);
        return (padded + PLAIN_CHUNK_BYTES - 1) / PLAIN_CHUNK_BYTES;
    }

    /** Ciphertext bytes of a file of {@code size} plaintext bytes: what the relay stores. */
    public static long ciphertextSize(long size) {
        return paddedSize(size) + chunkCount(size) * TAG_BYTES;
    }

    /** Number of chunks of a ciphertext of {@code ciphertextBytes} bytes (the relay's view), or -1 if impossible. */
    public static long chunkCountOfCiphertext(long ciphertextBytes) {
        if (ciphertextBytes <= TAG_BYTES) {
            return -1;
        }
        return (ciphertextBytes + CIPHER_CHUNK_BYTES - 1) / CIPHER_CHUNK_BYTES;
    }

    /** Ciphertext bytes of chunk {@code index} of a ciphertext of {@code ciphertextBytes} bytes. */
    public static int cipherChunkLength(long ciphertextBytes, long index) {
        long count = chunkCountOfCiphertext(ciphertextBytes);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("chunk index out of range");
        }
        return index < count - 1 ? CIPHER_CHUNK_BYTES : (int) (ciphertextBytes - (count - 1) * CIPHER_CHUNK_BYTES);
    }

    /** The nonce of chunk {@code index}: 15 zero bytes, the index (u64), and 1 for the final chunk, else 0. */
    public static byte[] nonce(long index, boolean finalChunk) {
        if (index < 0) {
            throw new IllegalArgumentException("chunk index must not be negative");
        }
        return ByteBuffer.allocate(24).position(15).putLong(index).put((byte) (finalChunk ? 1 : 0)).array();
    }

    static void checkSize(long size) {
        if (size < 0 || size > MAX_PLAINTEXT_BYTES) {
            throw new IllegalArgumentException("file size must be 0 to 2 GiB");
        }
    }
}
