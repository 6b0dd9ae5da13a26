package dev.parley.crypto.attachment;

import dev.parley.crypto.primitives.SecretBox;
import dev.parley.crypto.secret.SecretBytes;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Encrypts one file chunk by chunk as it is read (docs/protocol.md, 1.11): call {@link #next()} until
 * {@link #hasNext()} is false, then read {@link #digest()}. Holds one chunk at a time. Encryption is deterministic
 * for a given key, so an upload resumed after a crash re-creates the same chunks: skip the confirmed ones by calling
 * {@link #next()} without sending them (the digest needs them).
 *
 * <pre>{@code
 * try (InputStream in = Files.newInputStream(file)) {
 *     AttachmentEncryptor enc = new AttachmentEncryptor(provider.secretBox(), key, in, Files.size(file));
 *     while (enc.hasNext()) upload(enc.index(), enc.next());
 *     byte[] digest = enc.digest();
 * }
 * }</pre>
 */
public final class AttachmentEncryptor {
    private final SecretBox box;
    private final SecretBytes key;
    private final InputStream plaintext;
    private final long size;
    private final long padded;
    private final long chunks;
    private final MessageDigest sha256 = Sha256.create();
    private long index;
    private long read;
    private byte[] digest;

    /** @param size the exact number of bytes {@code plaintext} holds; a stream that differs fails with IOException */
    public AttachmentEncryptor(SecretBox box, SecretBytes key, InputStream plaintext, long size) {
        this.box = Objects.requireNonNull(box, "box");
        this.key = Objects.requireNonNull(key, "key");
        this.plaintext = Objects.requireNonNull(plaintext, "plaintext");
        if (key.length() != AttachmentFormat.KEY_BYTES) {
            throw new IllegalArgumentException("attachment key: 32 bytes expected");
        }
        this.size = size;
        this.padded = AttachmentFormat.paddedSize(size);
        this.chunks = AttachmentFormat.chunkCount(size);
    }

    public long chunkCount() {
        return chunks;
    }

    public long ciphertextSize() {
        return padded + chunks * AttachmentFormat.TAG_BYTES;
    }

    /** The index of the chunk {@link #next()} returns. */
    public long index() {
        return index;
    }

    public boolean hasNext() {
        return index < chunks;
    }

    /**
     * Reads, pads and seals the next chunk.
     *
     * @throws IOException when the stream fails, ends before {@code size} bytes, or holds more than {@code size}
     */
    public byte[] next() throws IOException {
        if (!hasNext()) {
            throw new IllegalStateException("every chunk has been encrypted");
        }
        long start = index * AttachmentFormat.PLAIN_CHUNK_BYTES;
        int length = (int) Math.min(AttachmentFormat.PLAIN_CHUNK_BYTES, padded - start);
        byte[] chunk = new byte[length];
        int fromFile = (int) Math.max(0, Math.min(length, size - start));
        int n = plaintext.readNBytes(chunk, 0, fromFile);
        read += n;
        if (n < fromFile) {
            throw new IOException("the file is shorter than its size (changed while sending?)");
        }
        boolean last = index == chunks - 1;
        if (last && plaintext.read() != -1) {
            throw new IOException("the file is longer than its size (changed while sending?)");
        }
        byte[] sealed = box.seal(key, AttachmentFormat.nonce(index, last), chunk);
        java.util.Arrays.fill(chunk, (byte) 0);
        sha256.update(sealed);
        index++;
        if (last) {
            digest = sha256.digest();
        }
        return sealed;
    }

    /** SHA-256 of the whole ciphertext; available once every chunk was returned. */
    public byte[] digest() {
        if (digest == null) {
            throw new IllegalStateException("the digest is known once every chunk was encrypted");
        }
        return digest.clone();
    }

    long plaintextBytesRead() {
        return read;
    }
}
