package dev.parley.relay.store;

import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.relay.store.DiskAttachmentRecovery.Entry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reading a complete attachment's chunks from its {@code .bin} file ({@link DiskAttachmentStore}, which checks who
 * may read first). A file that is gone or shorter than its metadata (swept or deleted meanwhile, or damaged) reads as
 * an unknown attachment: what the reader would see a moment later.
 */
final class DiskAttachmentReads {
    private static final int CHUNK = AttachmentFormat.CIPHER_CHUNK_BYTES;

    private DiskAttachmentReads() {
    }

    /** Chunks {@code first} to the last of {@code entry}'s file, through one buffer and one file channel. */
    static void readAll(Path file, Entry entry, long first, AttachmentStore.ChunkSink sink)
            throws AttachmentRefusedException, IOException {
        byte[] buffer = new byte[CHUNK];
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw unknown();
        }
        try (channel) {
            for (long index = first; index < entry.totalChunks(); index++) {
                int length = AttachmentFormat.cipherChunkLength(entry.meta.size(), index);
                ByteBuffer into = ByteBuffer.wrap(buffer, 0, length);
                long position = index * (long) CHUNK;
                while (into.hasRemaining()) {
                    if (channel.read(into, position + into.position()) < 0) {
                        throw unknown();
                    }
                }
                sink.accept(buffer, length);
            }
        }
    }

    /** Chunk {@code index} of {@code entry}'s file. */
    static AttachmentStore.Chunk read(Path file, Entry entry, long index) throws AttachmentRefusedException {
        int length = AttachmentFormat.cipherChunkLength(entry.meta.size(), index);
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = index * (long) CHUNK;
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new IOException("attachment file shorter than its metadata");
                }
            }
        } catch (IOException e) {
            throw unknown();
        }
        return new AttachmentStore.Chunk(buffer.array(), entry.totalChunks());
    }

    static AttachmentRefusedException unknown() {
        return new AttachmentRefusedException(AttachmentRefusedException.Reason.UNKNOWN, "no such attachment");
    }
}
