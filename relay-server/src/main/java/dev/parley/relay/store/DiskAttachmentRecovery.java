package dev.parley.relay.store;

import dev.parley.crypto.attachment.AttachmentFormat;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link DiskAttachmentStore} finds at start-up: every {@code .meta} read back, a {@code .part} cut to its last
 * whole chunk (what a crash left), an upload killed between its last write and its rename finished, and expired
 * attachments, unreadable metadata and files without metadata deleted.
 */
final class DiskAttachmentRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(DiskAttachmentRecovery.class);
    private static final int CHUNK = AttachmentFormat.CIPHER_CHUNK_BYTES;

    private DiskAttachmentRecovery() {
    }

    static List<Entry> recover(Path dir, Clock clock) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(files::add);
        }
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            if (!fileName.endsWith(".meta")) {
                continue;
            }
            String name = fileName.substring(0, fileName.length() - ".meta".length());
            try {
                AttachmentMeta meta = AttachmentMeta.decode(Files.readAllBytes(file));
                if (meta.expiresAtMillis() <= clock.millis()) {
                    deleteFiles(dir, name);
                } else {
                    entries.add(recoverOne(dir, name, meta));
                }
            } catch (IOException e) {
                LOG.warn("event=attachment_unreadable action=deleted error={}", e.getClass().getSimpleName());
                deleteFiles(dir, name);
            }
        }
        Set<String> known = new HashSet<>();
        entries.forEach(e -> known.add(e.name));
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            int dot = fileName.lastIndexOf('.');
            String name = dot < 0 ? fileName : fileName.substring(0, dot);
            if (!known.contains(name) && Files.exists(file) && !fileName.endsWith(".meta")) {
                Files.deleteIfExists(file);
            }
        }
        return entries;
    }

    private static Entry recoverOne(Path dir, String name, AttachmentMeta meta) throws IOException {
        Path bin = dir.resolve(name + ".bin");
        Path part = dir.resolve(name + ".part");
        if (Files.exists(bin) && Files.size(bin) == meta.size()) {
            return new Entry(name, meta, meta.size(), true);
        }
        Files.deleteIfExists(bin);
        long length = Files.exists(part) ? Files.size(part) : 0;
        long whole = length == meta.size() ? length : length / CHUNK * CHUNK;
        DataDirectory.ensurePrivateFile(part);
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
            channel.truncate(whole);
            channel.force(true);
        }
        Entry entry = new Entry(name, meta, whole, false);
        if (whole == meta.size()) {
            // Killed between the last write and the rename: finish it.
            Files.move(part, bin, StandardCopyOption.ATOMIC_MOVE);
            entry.complete = true;
        }
        return entry;
    }

    static void deleteFiles(Path dir, String name) {
        for (String suffix : new String[] {".bin", ".part", ".meta"}) {
            try {
                Files.deleteIfExists(dir.resolve(name + suffix));
            } catch (IOException e) {
                LOG.warn("event=attachment_delete_failed error={}", e.getClass().getSimpleName());
            }
        }
    }

    /** One attachment of the store: its metadata and how far its upload is. Guarded by its own monitor. */
    static final class Entry {
        final String name;
        final AttachmentMeta meta;
        long written;
        boolean complete;
        boolean deleted;
        /** A bulk upload ({@link DiskAttachmentStore#appendAll}) holds it. */
        boolean streaming;
        /** The upload's early write-backs, across all its requests; made at its first chunk. */
        dev.parley.crypto.attachment.WritebackSync writeback;

        Entry(String name, AttachmentMeta meta, long written, boolean complete) {
            this.name = name;
            this.meta = meta;
            this.written = written;
            this.complete = complete;
        }

        long totalChunks() {
            return AttachmentFormat.chunkCountOfCiphertext(meta.size());
        }

        AttachmentStore.Progress progress() {
            return new AttachmentStore.Progress(complete ? totalChunks() : written / CHUNK, complete, totalChunks());
        }
    }
}
