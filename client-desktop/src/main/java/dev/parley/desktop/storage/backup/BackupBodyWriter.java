package dev.parley.desktop.storage.backup;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the records of a backup's body (docs/protocol.md, Backups) into the encrypted stream: a one-byte tag per
 * record, big-endian integers, strings and byte strings as u32 length + bytes (UTF-8 for strings).
 */
public final class BackupBodyWriter {
    static final int MANIFEST = 'M';
    static final int TABLE = 'T';
    static final int ROW = 'R';
    static final int SECRET = 'S';
    static final int FILE = 'F';
    static final int END = 'E';
    static final int NULL = 0;
    static final int LONG = 1;
    static final int BOOLEAN = 2;
    static final int STRING = 3;
    static final int BYTES = 4;

    private final DataOutputStream out;
    private long rows;
    private long files;

    public BackupBodyWriter(OutputStream out) {
        this.out = new DataOutputStream(out);
    }

    public void manifest(BackupRecord.Manifest manifest) throws IOException {
        out.writeByte(MANIFEST);
        string(manifest.schemaVersion());
        out.writeLong(manifest.createdAtMillis());
        out.writeLong(manifest.rows());
        out.writeLong(manifest.files());
        out.writeLong(manifest.fileBytes());
    }

    public void table(String name, List<String> columns) throws IOException {
        out.writeByte(TABLE);
        string(name);
        out.writeShort(columns.size());
        for (String column : columns) {
            string(column);
        }
    }

    /** @throws IllegalArgumentException for a value of another type than the record allows */
    public void row(Object[] values) throws IOException {
        out.writeByte(ROW);
        out.writeShort(values.length);
        for (Object value : values) {
            if (value == null) {
                out.writeByte(NULL);
            } else if (value instanceof Long l) {
                out.writeByte(LONG);
                out.writeLong(l);
            } else if (value instanceof Boolean b) {
                out.writeByte(BOOLEAN);
                out.writeBoolean(b);
            } else if (value instanceof String s) {
                out.writeByte(STRING);
                string(s);
            } else if (value instanceof byte[] bytes) {
                out.writeByte(BYTES);
                bytes(bytes);
            } else {
                throw new IllegalArgumentException("a backup row holds no " + value.getClass().getSimpleName());
            }
        }
        rows++;
    }

    public void secret(String namespace, String key, byte[] value) throws IOException {
        out.writeByte(SECRET);
        string(namespace);
        string(key);
        bytes(value);
    }

    /** Writes a file record and exactly {@code size} bytes of {@code content}. */
    public void file(String path, long size, InputStream content, java.util.function.LongConsumer progress)
            throws IOException {
        out.writeByte(FILE);
        string(path);
        out.writeLong(size);
        byte[] buffer = new byte[64 * 1024];
        long left = size;
        while (left > 0) {
            int n = content.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("a file of the profile shrank while it was backed up");
            }
            out.write(buffer, 0, n);
            left -= n;
            progress.accept(n);
        }
        files++;
    }

    public void end() throws IOException {
        out.writeByte(END);
        out.writeLong(rows);
        out.writeLong(files);
        out.flush();
    }

    private void string(String s) throws IOException {
        bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }
}
