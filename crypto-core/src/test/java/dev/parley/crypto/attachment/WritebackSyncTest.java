package dev.parley.crypto.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The early write-back shared by the relay's and the client's attachment files: it asks for one write-back per
 * {@value WritebackSync#EVERY_BYTES} bytes written, on the caller's executor, and close waits for the one running.
 */
class WritebackSyncTest {
    @TempDir
    Path dir;

    @Test
    void asksForAWritebackEveryThirtyTwoMebibytesOnTheCallersExecutorAndCloseWaitsForIt() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (FileChannel channel = FileChannel.open(dir.resolve("file.part"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[4096]));
            WritebackSync sync = new WritebackSync(channel, task -> {
                runs.incrementAndGet();
                pool.execute(task);
            });
            sync.written(WritebackSync.EVERY_BYTES - 1);
            assertThat(runs).as("not a full interval yet").hasValue(0);
            sync.written(1);
            sync.close();
            assertThat(runs).hasValue(1);
            sync.written(WritebackSync.EVERY_BYTES / 2);
            sync.close();
            assertThat(runs).as("the interval starts again after each write-back").hasValue(1);
            sync.written(WritebackSync.EVERY_BYTES / 2);
            sync.close();
            assertThat(runs).hasValue(2);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aFileWritebackOpensTheFileItselfAndSkipsOneThatIsGone() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Path file = dir.resolve("upload.part");
        java.nio.file.Files.write(file, new byte[4096]);
        WritebackSync sync = WritebackSync.ofFile(file, task -> {
            runs.incrementAndGet();
            task.run();
        });
        sync.written(WritebackSync.EVERY_BYTES);
        assertThat(runs).hasValue(1);
        java.nio.file.Files.delete(file); // renamed or deleted meanwhile: nothing to write back, nothing thrown
        sync.written(WritebackSync.EVERY_BYTES);
        sync.close();
        assertThat(runs).hasValue(2);
    }
}
