package dev.parley.desktop.storage.backup;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Reads the records {@link BackupBodyWriter} wrote. The body was authenticated chunk by chunk, so a malformed record
 * means a bug or a backup crafted by someone who knew the secret; it is still refused with
 * {@link MalformedBackupException} and no allocation beyond {@link #MAX_VALUE_BYTES} per value.
 */
public final class BackupBodyReader {
    /** Largest string or byte string a record may hold. */
    public static final int MAX_VALUE_BYTES = 16 << 20;
    private static final int MAX_COLUMNS = 512;

    private final DataInputStream in;
    private long rows;
    private long files;
    private long pendingFileBytes;

    public BackupBodyReader(InputStream in) {
        this.in = new DataInputStream(in);
    }

    /** The next record; a {@link BackupRecord.FileEntry}'s content must be consumed by {@link #copyFile} first. */
    public BackupRecord next() throws IOException {
        if (pendingFileBytes != 0) {
            throw new IllegalStateException("the previous file's content was not read");
        }
        try {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case BackupBodyWriter.MANIFEST:
                    return new BackupRecord.Manifest(string(), in.readLong(), in.readLong(), in.readLong(),
                            in.readLong());
                case BackupBodyWriter.TABLE: {
                    String name = string();
                    int count = in.readUnsignedShort();
                    if (count == 0 || count > MAX_COLUMNS) {
                        throw new MalformedBackupException("a table record has an impossible column count");
                    }
                    List<String> columns = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        columns.add(string());
                    }
                    return new BackupRecord.Table(name, columns);
                }
                case BackupBodyWriter.ROW:
                    rows++;
                    return new BackupRecord.Row(values());
                case BackupBodyWriter.SECRET:
                    return new BackupRecord.Secret(string(), string(), bytes());
                case BackupBodyWriter.FILE: {
                    String path = string();
                    long size = in.readLong();
                    if (size < 0) {
                        throw new MalformedBackupException("a file record has a negative size");
                    }
                    files++;
                    pendingFileBytes = size;
                    return new BackupRecord.FileEntry(path, size);
                }
                case BackupBodyWriter.END: {
                    BackupRecord.End end = new BackupRecord.End(in.readLong(), in.readLong());
                    if (end.rows() != rows || end.files() != files) {
                        throw new MalformedBackupException("the backup's closing counts do not match its records");
                    }
                    return end;
                }
                default:
                    throw new MalformedBackupException("unknown record in the backup");
            }
        } catch (EOFException e) {
            throw new MalformedBackupException("the backup's records end early", e);
        }
    }

    /** Copies the content of the file record just returned to {@code target}. */
    public void copyFile(OutputStream target, LongConsumer progress) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try {
            while (pendingFileBytes > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, pendingFileBytes));
                if (n < 0) {
                    throw new MalformedBackupException("a file in the backup ends early");
                }
                target.write(buffer, 0, n);
                pendingFileBytes -= n;
                progress.accept(n);
            }
        } finally {
            java.util.Arrays.fill(buffer, (byte) 0);
        }
    }

    private Object[] values() throws IOException {
        int count = in.readUnsignedShort();
        if (count > MAX_COLUMNS) {
            throw new MalformedBackupException("a row has too many values");
        }
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            int tag = in.readUnsignedByte();
            values[i] = switch (tag) {
                case BackupBodyWriter.NULL -> null;
                case BackupBodyWriter.LONG -> in.readLong();
                case BackupBodyWriter.BOOLEAN -> in.readBoolean();
                case BackupBodyWriter.STRING -> string();
                case BackupBodyWriter.BYTES -> bytes();
                default -> throw new MalformedBackupException("unknown value type in a backup row");
            };
        }
        return values;
    }

    private String string() throws IOException {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    private byte[] bytes() throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_VALUE_BYTES) {
            throw new MalformedBackupException("a value in the backup is larger than any Parley stores");
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return b;
    }
}
