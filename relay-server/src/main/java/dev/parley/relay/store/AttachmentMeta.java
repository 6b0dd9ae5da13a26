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
 * n * reader (32) || size (i64) || expiresAtMillis (i64)}. Owner and readers are keyed username hashes
 * ({@link UsernameKey}).
 */
record AttachmentMeta(byte[] owner, List<byte[]> readers, long size, long expiresAtMillis) {
    private static final int VERSION = 1;
    private static final int HASH_BYTES = 32;

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.write(owner);
            out.writeByte(readers.size());
            for (byte[] reader : readers) {
                out.write(reader);
            }
            out.writeLong(size);
            out.writeLong(expiresAtMillis);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    static AttachmentMeta decode(byte[] encoded) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            if (in.readUnsignedByte() != VERSION) {
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
            if (owner.length != HASH_BYTES || readers.stream().anyMatch(r -> r.length != HASH_BYTES) || size < 1
                    || in.read() != -1) {
                throw new IOException("damaged attachment metadata");
            }
            return new AttachmentMeta(owner, readers, size, expires);
        }
    }
}
