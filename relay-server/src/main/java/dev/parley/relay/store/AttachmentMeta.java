package dev.parley.relay.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the relay keeps about one attachment, in its {@code .meta} file: {@code 0x01 || owner (32) || n (u8) ||
 * n * reader (32) || size (i64) || expiresAtMillis (i64)}, or for a shared attachment (issue #15) {@code 0x02 ||}
 * the same {@code || token hash (32)}. Owner and readers are keyed username hashes ({@link UsernameKey}); the token
 * hash is the SHA-256 of the attachment's read token. An attachment without a token hash is written as version 1, so
 * files written before shared attachments existed read back unchanged.
 *
 * @param tokenHash null when only the owner and the named readers may download
 */
record AttachmentMeta(byte[] owner, List<byte[]> readers, long size, long expiresAtMillis, byte[] tokenHash) {
    private static final int READERS_ONLY = 1;
    private static final int SHARED = 2;
    private static final int HASH_BYTES = 32;

    AttachmentMeta(byte[] owner, List<byte[]> readers, long size, long expiresAtMillis) {
        this(owner, readers, size, expiresAtMillis, null);
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(tokenHash == null ? READERS_ONLY : SHARED);
            out.write(owner);
            out.writeByte(readers.size());
            for (byte[] reader : readers) {
                out.write(reader);
            }
            out.writeLong(size);
            out.writeLong(expiresAtMillis);
            if (tokenHash != null) {
                out.write(tokenHash);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    static AttachmentMeta decode(byte[] encoded) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int version = in.readUnsignedByte();
            if (version != READERS_ONLY && version != SHARED) {
                throw new IOException("unknown attachment metadata version");
            }
            byte[] owner = in.readNBytes(HASH_BYTES);
            int count = in.readUnsignedByte();
            List<byte[]> readers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                readers.add(in.readNBytes(HASH_BYTES));
            }
            long size = in.readLong();
            long expires = in.readLong();
            byte[] tokenHash = version == SHARED ? in.readNBytes(HASH_BYTES) : null;
            if (owner.length != HASH_BYTES || readers.stream().anyMatch(r -> r.length != HASH_BYTES) || size < 1
                    || (tokenHash != null && tokenHash.length != HASH_BYTES) || in.read() != -1) {
                throw new IOException("damaged attachment metadata");
            }
            return new AttachmentMeta(owner, readers, size, expires, tokenHash);
        }
    }
}
