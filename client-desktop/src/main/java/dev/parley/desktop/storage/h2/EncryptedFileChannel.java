package dev.parley.desktop.storage.h2;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.store.fs.FileBaseDefault;

/**
 * A file in H2's encrypted format ({@code CIPHER=AES}), byte for byte, with the JDK's AES: a 4 KiB header (the text
 * {@code "H2encrypt\n"}, an 8-byte random salt, zeros), then the content in 4 KiB blocks, block {@code n} (counted
 * after the header) encrypted with XTS-AES as data unit {@code n}. A content size that is not a multiple of 4 KiB is
 * recorded as that many extra bytes after the last whole block, as H2 does. The key is derived when the file is first
 * used (H2 may lock it first), and the password bytes are wiped then.
 */
final class EncryptedFileChannel extends FileBaseDefault {
    static final int BLOCK_SIZE = 4096;
    static final int HEADER_LENGTH = BLOCK_SIZE;
    private static final int BLOCK_MASK = BLOCK_SIZE - 1;
    private static final int SALT_POSITION = H2FileKey.HEADER_MAGIC.length;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Largest buffer kept for reuse. An unaligned read (most of H2's page reads) and every write need a buffer of
     * their own: new ones per call were about 7% of what the disappearing sweep allocated (#12). A commit of one of
     * its batches writes a few hundred KB (JFR: about 60 MB of such buffers over 200 commits), under the cap.
     */
    static final int SPARE_MAX = 1024 * 1024;
    private static final int SPARE_MIN = 64 * 1024;

    private final String name;
    private final FileChannel base;
    private byte[] passwordBytes;
    private volatile XtsAes xts;
    private volatile long size;
    /** A buffer free for reuse, or null while one call has it; holds file content, wiped at close. */
    private final AtomicReference<byte[]> spare = new AtomicReference<>();

    /** {@code passwordBytes} are taken over (wiped once the key is derived or the channel closes). */
    EncryptedFileChannel(String name, byte[] passwordBytes, FileChannel base) {
        this.name = name;
        this.passwordBytes = passwordBytes;
        this.base = base;
    }

    private XtsAes cipher() throws IOException {
        XtsAes current = xts;
        return current != null ? current : init();
    }

    private synchronized XtsAes init() throws IOException {
        if (xts != null) {
            return xts;
        }
        if (passwordBytes == null) {
            throw new IOException("the encrypted file is closed");
        }
        long stored = base.size();
        byte[] salt = new byte[H2FileKey.SALT_BYTES];
        if (stored == 0) {
            byte[] header = Arrays.copyOf(H2FileKey.HEADER_MAGIC, HEADER_LENGTH);
            RANDOM.nextBytes(salt);
            System.arraycopy(salt, 0, header, SALT_POSITION, salt.length);
            writeFully(base, 0, ByteBuffer.wrap(header));
        } else {
            readHeader(base, salt);
        }
        XtsAes created = H2FileKey.cipher(passwordBytes, salt);
        Arrays.fill(passwordBytes, (byte) 0);
        passwordBytes = null;
        long content = Math.max(0, stored - HEADER_LENGTH);
        if ((content & BLOCK_MASK) != 0) {
            content -= BLOCK_SIZE;
        }
        size = content;
        xts = created;
        return created;
    }

    /** Reads the salt of an existing file; a file shorter than the header or without H2's marker is refused. */
    static void readHeader(FileChannel file, byte[] salt) throws IOException {
        if (file.size() < HEADER_LENGTH) {
            throw new EOFException("the encrypted database file is truncated inside its header");
        }
        byte[] magic = new byte[H2FileKey.HEADER_MAGIC.length];
        readFully(file, 0, ByteBuffer.wrap(magic));
        if (!Arrays.equals(magic, H2FileKey.HEADER_MAGIC)) {
            throw new IOException("the file is not an encrypted H2 database");
        }
        readFully(file, SALT_POSITION, ByteBuffer.wrap(salt));
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        int len = dst.remaining();
        if (len == 0) {
            return 0;
        }
        XtsAes cipher = cipher();
        if (position < 0) {
            throw new IllegalArgumentException("negative position");
        }
        if (position >= size) {
            return -1;
        }
        len = (int) Math.min(len, size - position);
        long alignedStart = position & ~(long) BLOCK_MASK;
        int offset = (int) (position - alignedStart);
        int alignedLength = (len + offset + BLOCK_MASK) & ~BLOCK_MASK;
        if (offset == 0 && alignedLength == len && dst.hasArray()) {
            readBlocks(dst, alignedStart, len, cipher);
            return len;
        }
        byte[] buffer = borrow(alignedLength);
        readBlocks(ByteBuffer.wrap(buffer, 0, alignedLength), alignedStart, alignedLength, cipher);
        dst.put(buffer, offset, len);
        giveBack(buffer);
        return len;
    }

    private void readBlocks(ByteBuffer dst, long position, int len, XtsAes cipher) throws IOException {
        int at = dst.arrayOffset() + dst.position();
        readFully(base, position + HEADER_LENGTH, dst);
        long unit = position / BLOCK_SIZE;
        for (int done = 0; done < len; done += BLOCK_SIZE) {
            cipher.decrypt(unit++, dst.array(), at + done, BLOCK_SIZE);
        }
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        XtsAes cipher = cipher();
        int len = src.remaining();
        if (position < 0) {
            throw new IllegalArgumentException("negative position");
        }
        if ((position & BLOCK_MASK) == 0 && (len & BLOCK_MASK) == 0) {
            writeBlocks(src, position, len, cipher);
            size = Math.max(size, position + len);
            return len;
        }
        long alignedStart = position & ~(long) BLOCK_MASK;
        int offset = (int) (position - alignedStart);
        int alignedLength = (len + offset + BLOCK_MASK) & ~BLOCK_MASK;
        ByteBuffer temp = ByteBuffer.allocate(alignedLength);
        long available = (size - alignedStart + BLOCK_MASK) & ~(long) BLOCK_MASK;
        int existing = (int) Math.max(0, Math.min(alignedLength, available));
        if (existing > 0) {
            temp.limit(existing);
            readBlocks(temp, alignedStart, existing, cipher);
        }
        temp.clear().position(offset);
        temp.put(src);
        temp.clear();
        writeBlocks(temp, alignedStart, alignedLength, cipher);
        long end = position + len;
        if (end > size) {
            size = end;
            int partial = (int) (end & BLOCK_MASK);
            if (partial > 0) {
                // the size's remainder is recorded as that many bytes after the last whole block (H2 writes these
                // after every unaligned write, which damages the next block when the write is not at the end)
                writeFully(base, alignedStart + HEADER_LENGTH + alignedLength, ByteBuffer.allocate(partial));
            }
        }
        return len;
    }

    private void writeBlocks(ByteBuffer src, long position, int len, XtsAes cipher) throws IOException {
        byte[] crypt = borrow(len);
        src.get(crypt, 0, len);
        long unit = position / BLOCK_SIZE;
        for (int done = 0; done < len; done += BLOCK_SIZE) {
            cipher.encrypt(unit++, crypt, done, BLOCK_SIZE);
        }
        writeFully(base, position + HEADER_LENGTH, ByteBuffer.wrap(crypt, 0, len));
        giveBack(crypt);
    }

    /** A buffer of at least {@code length} bytes: the spare one when it is free and large enough. */
    private byte[] borrow(int length) {
        if (length > SPARE_MAX) {
            return new byte[length];
        }
        byte[] free = spare.getAndSet(null);
        return free != null && free.length >= length ? free : new byte[Math.max(length, SPARE_MIN)];
    }

    private void giveBack(byte[] buffer) {
        if (buffer.length <= SPARE_MAX) {
            spare.set(buffer);
        }
    }

    private static void readFully(FileChannel file, long position, ByteBuffer dst) throws IOException {
        while (dst.hasRemaining()) {
            int n = file.read(dst, position);
            if (n < 0) {
                throw new EOFException("the encrypted database file ends early");
            }
            position += n;
        }
    }

    private static void writeFully(FileChannel file, long position, ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            position += file.write(src, position);
        }
    }

    @Override
    public long size() throws IOException {
        cipher();
        return size;
    }

    @Override
    protected void implTruncate(long newSize) throws IOException {
        cipher();
        if (newSize > size) {
            return;
        }
        if (newSize < 0) {
            throw new IllegalArgumentException("negative size");
        }
        if ((newSize & BLOCK_MASK) != 0) {
            base.truncate(newSize + HEADER_LENGTH + BLOCK_SIZE);
        } else {
            base.truncate(newSize + HEADER_LENGTH);
        }
        size = newSize;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        base.force(metaData);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return base.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        synchronized (this) {
            if (passwordBytes != null) {
                Arrays.fill(passwordBytes, (byte) 0);
                passwordBytes = null;
            }
            if (xts != null) {
                xts.close();
            }
            byte[] free = spare.getAndSet(null);
            if (free != null) {
                Arrays.fill(free, (byte) 0);
            }
        }
        base.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
