package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every page H2 reads or writes goes through {@link XtsAes} in 4 KiB data units, so what one unit allocates is paid
 * per page: the disappearing sweep of 100,000 messages crypted about 600 MB of pages, and the JDK's AES copied each
 * in-place input into a new array first (an eighth of the sweeper's allocation, #12). A unit must allocate nothing
 * that grows with its length, and the result must stay XTS (the vectors are {@link XtsAesVectorsTest}'s).
 */
class XtsAesAllocationTest {
    private static final int UNITS = 2_000;

    @Test
    void cryptingAUnitAllocatesNoCopyOfIt() {
        byte[] key1 = new byte[16];
        byte[] key2 = new byte[16];
        Arrays.fill(key1, (byte) 7);
        Arrays.fill(key2, (byte) 9);
        byte[] data = new byte[3 * EncryptedFileChannel.BLOCK_SIZE];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        byte[] plain = data.clone();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        try (XtsAes xts = new XtsAes(key1, key2)) {
            cryptBlocks(xts, data, 50);
            long before = threads.getThreadAllocatedBytes(thread);
            cryptBlocks(xts, data, UNITS);
            long allocated = threads.getThreadAllocatedBytes(thread) - before;
            assertThat(allocated).as("bytes allocated for %d units of 4 KiB encrypted and decrypted", UNITS)
                    .isLessThan((long) UNITS * EncryptedFileChannel.BLOCK_SIZE / 16);
        }
        assertThat(data).as("each unit decrypts to what was encrypted").isEqualTo(plain);
    }

    /** Encrypts then decrypts the middle 4 KiB of {@code data} (at an offset, as the file layer does), n times. */
    private static void cryptBlocks(XtsAes xts, byte[] data, int n) {
        int at = EncryptedFileChannel.BLOCK_SIZE;
        for (int i = 0; i < n; i++) {
            xts.encrypt(i, data, at, EncryptedFileChannel.BLOCK_SIZE);
            xts.decrypt(i, data, at, EncryptedFileChannel.BLOCK_SIZE);
        }
    }
}
