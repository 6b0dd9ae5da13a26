package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.testing.DeterministicRandom;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 reads most pages at unaligned positions and writes every chunk through {@link EncryptedFileChannel}; neither may
 * allocate a new buffer of the data's size per call (about 7% of the disappearing sweep's allocation, #12), and what
 * is read must still be what was written.
 */
class EncryptedFileChannelAllocationTest {
    private static final int CALLS = 1_000;
    private static final int LENGTH = 3 * 4096;

    @TempDir
    Path dir;

    @Test
    void unalignedReadsAndAlignedWritesReuseOneBuffer() throws Exception {
        byte[] content = new DeterministicRandom(5).bytes(16 * 4096);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        try (FileChannel channel = new EncryptedFileChannel("file", H2FileKey.passwordBytes(TestKeys.key(4)),
                FileChannel.open(dir.resolve("file.bin"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE))) {
            channel.write(ByteBuffer.wrap(content), 0);
            ByteBuffer page = ByteBuffer.allocate(LENGTH - 200);
            ByteBuffer block = ByteBuffer.wrap(content, 4096, LENGTH).slice();
            run(channel, page, block, 20);
            long before = threads.getThreadAllocatedBytes(thread);
            run(channel, page, block, CALLS);
            long allocated = threads.getThreadAllocatedBytes(thread) - before;
            assertThat(allocated).as("bytes allocated by %d unaligned reads and %d writes of 12 KiB", CALLS, CALLS)
                    .isLessThan((long) CALLS * LENGTH / 8);
            ByteBuffer all = ByteBuffer.allocate(content.length);
            channel.read(all, 0);
            assertThat(all.array()).isEqualTo(content);
            page.clear();
            channel.read(page, 777);
            assertThat(page.array()).isEqualTo(Arrays.copyOfRange(content, 777, 777 + page.capacity()));
        }
    }

    /** n times: a read of {@code page}'s size at an unaligned position, and the same 12 KiB written back in place. */
    private static void run(FileChannel channel, ByteBuffer page, ByteBuffer block, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            page.clear();
            channel.read(page, 100 + (i % 8) * 4096L);
            block.clear();
            channel.write(block, 4096);
        }
    }
}
