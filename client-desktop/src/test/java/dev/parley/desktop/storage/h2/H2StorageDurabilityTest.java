package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.Transaction;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A committed transaction survives the process dying right after the commit (no close, no shutdown hook). */
class H2StorageDurabilityTest {
    @TempDir
    Path dir;

    @Test
    void commitSurvivesAProcessCrash() throws Exception {
        Path base = dir.resolve("data-1");
        H2Storage.create(base, TestKeys.key(1), EventPublisher.NONE).close();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), base.toString(),
                "crash-1").redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
        try (H2Storage storage = H2Storage.open(base, TestKeys.key(1), EventPublisher.NONE)) {
            assertThat(storage.transactions().transactionWithResult(true,
                    (Transaction txn) -> storage.messages().find(txn, new MessageId("crash-1")))).isPresent();
        }
    }
}
