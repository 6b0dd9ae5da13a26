package dev.parley.crypto.attachment;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.primitives.AuthenticationFailedException;
import dev.parley.crypto.primitives.ConstantTime;
import dev.parley.crypto.primitives.SecretBox;
import dev.parley.crypto.secret.SecretBytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Decrypts one file chunk by chunk, in order (docs/protocol.md, 1.11). Every chunk must open under its index and
 * final flag, so a flipped byte, a reordered, missing or extra chunk, or a truncated file is an
 * {@link InvalidMessageException}; {@link #finish(byte[])} then checks that the file was whole and that the digest
 * of the ciphertext is the pointer's. Plaintext already written before a failure must be discarded by the caller
 * (write to a temporary file and rename it only after {@code finish}).
 */
public final class AttachmentDecryptor {
    private final SecretBox box;
    private final SecretBytes key;
    private final long size;
    private final long padded;
    private final long chunks;
    /** Null when the caller checks the digest itself ({@link #digestCheckedByCaller}). */
    private final MessageDigest sha256;
    private long index;

    /** @param size the plaintext size from the pointer */
    public AttachmentDecryptor(SecretBox box, SecretBytes key, long size) {
        this(box, key, size, true);
    }

    /**
     * A decryptor for ciphertext whose SHA-256 the caller computes and compares with the pointer's itself, as the
     * same bytes pass by (a download that hashes what it receives): every chunk is still opened under its index and
     * final flag and the padding checked, but nothing is hashed twice. End it with {@link #finishWhole()}, and use
     * the plaintext only once the caller's digest matched.
     */
    public static AttachmentDecryptor digestCheckedByCaller(SecretBox box, SecretBytes key, long size) {
        return new AttachmentDecryptor(box, key, size, false);
    }

    private AttachmentDecryptor(SecretBox box, SecretBytes key, long size, boolean hash) {
        this.sha256 = hash ? Sha256.create() : null;
        this.box = Objects.requireNonNull(box, "box");
        this.key = Objects.requireNonNull(key, "key");
        if (key.length() != AttachmentFormat.KEY_BYTES) {
            throw new IllegalArgumentException("attachment key: 32 bytes expected");
        }
        this.size = size;
        this.padded = AttachmentFormat.paddedSize(size);
        this.chunks = AttachmentFormat.chunkCount(size);
    }

    /**
     * Decrypts all of {@code ciphertext} to {@code plaintext} and checks it against {@code digest}.
     *
     * @throws InvalidMessageException the ciphertext is not this file's (tampered, truncated, reordered, too long)
     */
    public static void decrypt(SecretBox box, SecretBytes key, long size, byte[] digest, InputStream ciphertext,
                               OutputStream plaintext) throws IOException, InvalidMessageException {
        AttachmentDecryptor decryptor = new AttachmentDecryptor(box, key, size);
        while (!decryptor.isComplete()) {
            byte[] chunk = ciphertext.readNBytes(decryptor.expectedChunkLength());
            decryptor.write(chunk, plaintext);
        }
        if (ciphertext.read() != -1) {
            throw new InvalidMessageException("attachment: bytes after the final chunk");
        }
        decryptor.finish(digest);
    }

    public boolean isComplete() {
        return index == chunks;
    }

    /** The ciphertext length the next chunk must have. */
    public int expectedChunkLength() {
        long start = index * AttachmentFormat.PLAIN_CHUNK_BYTES;
        return (int) Math.min(AttachmentFormat.PLAIN_CHUNK_BYTES, padded - start) + AttachmentFormat.TAG_BYTES;
    }

    /** Opens the next chunk and writes its file bytes (padding dropped) to {@code out}. */
    public void write(byte[] chunk, OutputStream out) throws IOException, InvalidMessageException {
        if (isComplete()) {
            throw new InvalidMessageException("attachment: a chunk after the final one");
        }
        if (chunk.length != expectedChunkLength()) {
            throw new InvalidMessageException("attachment: chunk " + index + " has the wrong length (truncated?)");
        }
        boolean last = index == chunks - 1;
        byte[] plain;
        try {
            plain = box.open(key, AttachmentFormat.nonce(index, last), chunk);
        } catch (AuthenticationFailedException e) {
            throw new InvalidMessageException("attachment: chunk " + index + " does not authenticate", e);
        }
        if (sha256 != null) {
            sha256.update(chunk);
        }
        long start = index * AttachmentFormat.PLAIN_CHUNK_BYTES;
        int fileBytes = (int) Math.max(0, Math.min(plain.length, size - start));
        for (int i = fileBytes; i < plain.length; i++) {
            if (plain[i] != 0) {
                throw new InvalidMessageException("attachment: padding is not zero");
            }
        }
        out.write(plain, 0, fileBytes);
        java.util.Arrays.fill(plain, (byte) 0);
        index++;
    }

    /** Checks that every chunk arrived (the digest is the caller's to check: {@link #digestCheckedByCaller}). */
    public void finishWhole() throws InvalidMessageException {
        if (!isComplete()) {
            throw new InvalidMessageException("attachment: truncated (" + index + " of " + chunks + " chunks)");
        }
    }

    /** Checks that every chunk arrived and that the ciphertext's SHA-256 is {@code expectedDigest}. */
    public void finish(byte[] expectedDigest) throws InvalidMessageException {
        if (sha256 == null) {
            throw new IllegalStateException("this decryptor leaves the digest to its caller: finishWhole()");
        }
        finishWhole();
        if (!ConstantTime.equals(sha256.digest(), expectedDigest)) {
            throw new InvalidMessageException("attachment: the ciphertext digest does not match the pointer");
        }
    }
}
