package dev.parley.relay.store;

import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.attachment.AttachmentReadToken;
import dev.parley.crypto.attachment.WritebackSync;
import dev.parley.crypto.primitives.RandomSource;
import dev.parley.relay.store.AttachmentRefusedException.Reason;
import dev.parley.relay.store.DiskAttachmentRecovery.Entry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attachments as files in one directory: {@code <hex id>.meta} (written first, atomically), {@code <hex id>.part}
 * while uploading, renamed to {@code <hex id>.bin} once complete and synced, so a partial file is never served.
 * A chunk is confirmed once written to the operating system (a killed relay keeps it); at start-up a {@code .part}
 * is cut back to its last whole chunk and files without metadata are deleted ({@link DiskAttachmentRecovery}). Never
 * holds a whole file in memory. Each owner's bytes and quota: {@link DiskAttachmentUsage}; reading chunks back:
 * {@link DiskAttachmentReads}.
 */
public final class DiskAttachmentStore implements AttachmentStore {
    private static final Logger LOG = LoggerFactory.getLogger(DiskAttachmentStore.class);
    private static final int CHUNK = AttachmentFormat.CIPHER_CHUNK_BYTES;
    /** The one daemon thread the uploads' early write-backs run on ({@link WritebackSync}). */
    private static final Executor WRITEBACK = java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "relay-attachment-writeback");
        thread.setDaemon(true);
        return thread;
    });

    private final Path dir;
    private final UsernameKey usernames;
    private final RandomSource random;
    private final Clock clock;
    private final DiskSpace space;
    private final long headroomBytes;
    private final boolean deleteOnClose;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Where the uploads' early write-backs run ({@link WritebackSync}). */
    private final Executor writebacks;
    /** Bytes stored or reserved per owner; guarded by {@code this}. */
    private final DiskAttachmentUsage usage = new DiskAttachmentUsage();

    private DiskAttachmentStore(Path dir, UsernameKey usernames, RandomSource random, Clock clock, DiskSpace space,
                                long headroomBytes, boolean deleteOnClose, Executor writebacks) {
        this.writebacks = writebacks;
        this.dir = dir;
        this.usernames = usernames;
        this.random = random;
        this.clock = clock;
        this.space = space;
        this.headroomBytes = headroomBytes;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * Opens the store in {@code dataDir/attachments}, recovering what a crash left.
     *
     * @param headroomBytes free space always left on the disk
     */
    public static DiskAttachmentStore open(Path dataDir, RandomSource random, Clock clock, DiskSpace space,
                                           long headroomBytes) throws IOException {
        return open(dataDir, random, clock, space, headroomBytes, WRITEBACK);
    }

    /** As above, with the uploads' early write-backs run on {@code writebacks}. */
    static DiskAttachmentStore open(Path dataDir, RandomSource random, Clock clock, DiskSpace space, long headroomBytes,
                                    Executor writebacks) throws IOException {
        Path dir = dataDir.resolve("attachments");
        DataDirectory.ensurePrivate(dir);
        DiskAttachmentStore store = new DiskAttachmentStore(dir, UsernameKey.loadOrCreate(dataDir), random, clock, space,
                headroomBytes, false, writebacks);
        store.recover();
        return store;
    }

    /** A store in a fresh temporary directory, deleted on close: for a relay that keeps everything in memory. */
    public static DiskAttachmentStore temporary(RandomSource random, Clock clock) throws IOException {
        Path dir = Files.createTempDirectory("parley-relay-attachments");
        return new DiskAttachmentStore(dir, new UsernameKey(random.bytes(32)), random, clock, DiskSpace.of(),
                16L << 20, true, WRITEBACK);
    }

    @Override
    public byte[] reserve(String owner, List<String> readers, byte[] tokenHash, long size, Instant expiresAt,
                          long quotaBytes) throws AttachmentRefusedException {
        if (AttachmentFormat.chunkCountOfCiphertext(size) < 1) {
            throw new AttachmentRefusedException(Reason.BAD_LENGTH, "an attachment is at least 17 bytes");
        }
        byte[] ownerKey = usernames.of(owner);
        List<byte[]> readerKeys = new ArrayList<>();
        for (String reader : readers) {
            readerKeys.add(usernames.of(reader));
        }
        AttachmentMeta meta = new AttachmentMeta(ownerKey, readerKeys, size, expiresAt.toEpochMilli(),
                tokenHash == null ? null : tokenHash.clone());
        byte[] id = random.bytes(16);
        String name = HexFormat.of().formatHex(id);
        synchronized (this) {
            usage.checkQuota(ownerKey, size, quotaBytes);
            checkSpace(size);
            try {
                DataDirectory.writePrivately(dir.resolve(name + ".meta"), meta.encode());
                DataDirectory.ensurePrivateFile(dir.resolve(name + ".part"));
                Files.write(dir.resolve(name + ".part"), new byte[0], StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            } catch (IOException e) {
                deleteFiles(name);
                LOG.warn("event=attachment_reserve_failed error={}", e.getClass().getSimpleName());
                throw new AttachmentRefusedException(Reason.STORAGE_FULL, "the relay has no room for this attachment");
            }
            entries.put(name, new Entry(name, meta, 0, false));
            usage.add(ownerKey, size);
        }
        return id;
    }

    private void checkSpace(long size) throws AttachmentRefusedException {
        long outstanding = 0;
        for (Entry e : entries.values()) {
            outstanding += e.complete ? 0 : e.meta.size() - e.written;
        }
        long usable;
        try {
            usable = space.usableBytes(dir);
        } catch (IOException e) {
            throw new AttachmentRefusedException(Reason.STORAGE_FULL, "the relay cannot tell how much disk space is left");
        }
        if (usable - outstanding - headroomBytes < size) {
            LOG.warn("event=attachment_refused reason=disk_full");
            throw new AttachmentRefusedException(Reason.STORAGE_FULL, "the relay has no room for this attachment");
        }
    }

    @Override
    public long usage(String owner) {
        synchronized (this) {
            return usage.of(usernames.of(owner));
        }
    }

    @Override
    public Progress progress(byte[] id, String owner) throws AttachmentRefusedException {
        Entry entry = owned(id, owner);
        synchronized (entry) {
            return entry.progress();
        }
    }

    @Override
    public Progress append(byte[] id, String owner, long index, byte[] chunk) throws AttachmentRefusedException {
        Entry entry = owned(id, owner);
        synchronized (entry) {
            if (entry.deleted) {
                throw unknown();
            }
            long confirmed = entry.written / CHUNK;
            if (entry.complete || index != confirmed || entry.streaming) {
                throw outOfOrder(entry, confirmed);
            }
            try (FileChannel channel = FileChannel.open(dir.resolve(entry.name + ".part"), StandardOpenOption.WRITE)) {
                return write(entry, channel, index, chunk);
            } catch (IOException e) {
                throw writeFailed(entry, e);
            }
        }
    }

    private static AttachmentRefusedException outOfOrder(Entry entry, long confirmed) {
        return new AttachmentRefusedException(Reason.OUT_OF_ORDER, entry.streaming && !entry.complete
                ? "another upload of this attachment is in progress"
                : "expected chunk " + confirmed + (entry.complete ? " (the upload is complete)" : ""));
    }

    /** Writes chunk {@code index} at the end of the upload; the caller holds the entry's lock and checked the order. */
    private Progress write(Entry entry, FileChannel channel, long index, byte[] chunk)
            throws AttachmentRefusedException, IOException {
        if (chunk.length != AttachmentFormat.cipherChunkLength(entry.meta.size(), index)) {
            throw new AttachmentRefusedException(Reason.BAD_LENGTH, "chunk " + index + " has the wrong length");
        }
        boolean last = index == entry.totalChunks() - 1;
        ByteBuffer buffer = ByteBuffer.wrap(chunk);
        long position = entry.written;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        if (last) {
            channel.force(true);
        } else {
            // per upload, not per request: the next write-back comes after 32 MiB whatever the segments' sizes
            entry.writeback = entry.writeback != null ? entry.writeback
                    : WritebackSync.ofFile(dir.resolve(entry.name + ".part"), writebacks);
            entry.writeback.written(chunk.length);
        }
        entry.written += chunk.length;
        if (last) {
            try {
                Files.move(dir.resolve(entry.name + ".part"), dir.resolve(entry.name + ".bin"),
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                LOG.warn("event=attachment_complete_failed error={}", e.getClass().getSimpleName());
                delete(entry);
                throw new AttachmentRefusedException(Reason.STORAGE_FULL, "the relay could not store the attachment");
            }
            entry.complete = true;
        }
        return entry.progress();
    }

    private AttachmentRefusedException writeFailed(Entry entry, IOException e) {
        LOG.warn("event=attachment_write_failed error={}", e.getClass().getSimpleName());
        delete(entry);
        return new AttachmentRefusedException(Reason.STORAGE_FULL,
                "the relay could not store the attachment (disk full?); upload it again later");
    }

    /**
     * One file channel for the whole run (the upload's pages written back to disk as it goes, so the sync that
     * completes the file is short), and the upload held against other writers meanwhile (a second run or a
     * WebSocket {@code attachment_put} is refused as out of order); each chunk is read from the source outside the
     * entry's lock and written under it, so {@code attachment_status} answers during the run.
     */
    @Override
    public Progress appendAll(byte[] id, String owner, long first, ChunkSource chunks)
            throws AttachmentRefusedException, IOException {
        Entry entry = owned(id, owner);
        synchronized (entry) {
            long confirmed = entry.written / CHUNK;
            if (entry.deleted) {
                throw unknown();
            }
            if (entry.complete || first != confirmed || entry.streaming) {
                throw outOfOrder(entry, confirmed);
            }
            entry.streaming = true;
        }
        try (FileChannel channel = FileChannel.open(dir.resolve(entry.name + ".part"), StandardOpenOption.WRITE)) {
            for (long index = first; ; index++) {
                synchronized (entry) {
                    if (entry.deleted) {
                        throw unknown();
                    }
                    if (entry.complete) {
                        return entry.progress();
                    }
                }
                byte[] chunk = chunks.next(index);
                synchronized (entry) {
                    if (chunk == null) {
                        return entry.progress();
                    }
                    if (entry.deleted) {
                        throw unknown();
                    }
                    try {
                        write(entry, channel, index, chunk);
                    } catch (IOException e) {
                        throw writeFailed(entry, e);
                    }
                }
            }
        } finally {
            synchronized (entry) {
                entry.streaming = false;
            }
        }
    }

    /** One file channel for the whole run; access is checked once, before the first chunk. */
    @Override
    public void readAll(byte[] id, String reader, byte[] token, long first, ChunkSink sink)
            throws AttachmentRefusedException, IOException {
        Entry entry = readable(id, reader, token, first);
        DiskAttachmentReads.readAll(dir.resolve(entry.name + ".bin"), entry, first, sink);
    }

    /** A complete attachment {@code reader} may read, holding chunk {@code index}; else UNKNOWN. */
    private Entry readable(byte[] id, String reader, byte[] token, long index) throws AttachmentRefusedException {
        Entry entry = live(id);
        byte[] key = usernames.of(reader);
        boolean allowed = Arrays.equals(entry.meta.owner(), key)
                || entry.meta.readers().stream().anyMatch(r -> Arrays.equals(r, key))
                || (entry.meta.tokenHash() != null && AttachmentReadToken.matches(token, entry.meta.tokenHash()));
        if (!allowed || index < 0 || index >= entry.totalChunks()) {
            throw unknown();
        }
        synchronized (entry) {
            if (!entry.complete || entry.deleted) {
                throw unknown();
            }
        }
        return entry;
    }

    @Override
    public Chunk read(byte[] id, String reader, byte[] token, long index) throws AttachmentRefusedException {
        Entry entry = readable(id, reader, token, index);
        return DiskAttachmentReads.read(dir.resolve(entry.name + ".bin"), entry, index);
    }

    @Override
    public int sweep(Instant now) {
        int swept = 0;
        for (Entry entry : entries.values()) {
            if (entry.meta.expiresAtMillis() <= now.toEpochMilli()) {
                synchronized (entry) {
                    delete(entry);
                }
                swept++;
            }
        }
        if (swept > 0) {
            LOG.info("event=attachments_swept count={}", swept);
        }
        return swept;
    }

    @Override
    public void close() {
        if (deleteOnClose) {
            for (Entry entry : entries.values()) {
                delete(entry);
            }
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                LOG.debug("temporary attachment directory not removed: {}", e.getClass().getSimpleName());
            }
        }
    }

    private Entry owned(byte[] id, String owner) throws AttachmentRefusedException {
        Entry entry = live(id);
        if (!Arrays.equals(entry.meta.owner(), usernames.of(owner))) {
            throw unknown();
        }
        return entry;
    }

    private Entry live(byte[] id) throws AttachmentRefusedException {
        Entry entry = id == null ? null : entries.get(HexFormat.of().formatHex(id));
        if (entry == null || entry.meta.expiresAtMillis() <= clock.millis()) {
            throw unknown();
        }
        return entry;
    }

    private static AttachmentRefusedException unknown() {
        return DiskAttachmentReads.unknown();
    }

    /** Removes an entry, its files and its share of the owner's usage; the caller holds the entry's lock. */
    private void delete(Entry entry) {
        if (entry.deleted) {
            return;
        }
        entry.deleted = true;
        synchronized (this) {
            entries.remove(entry.name);
            usage.remove(entry.meta.owner(), entry.meta.size());
        }
        deleteFiles(entry.name);
    }

    private void deleteFiles(String name) {
        DiskAttachmentRecovery.deleteFiles(dir, name);
    }

    /** Reads every {@code .meta}, cuts {@code .part} files back to whole chunks, deletes orphans and expired ones. */
    private void recover() throws IOException {
        for (Entry entry : DiskAttachmentRecovery.recover(dir, clock)) {
            entries.put(entry.name, entry);
            usage.add(entry.meta.owner(), entry.meta.size());
        }
    }
}
