package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.profile.BackupProgress;
import dev.parley.desktop.service.backup.BackupSchedule;
import dev.parley.desktop.service.backup.ScheduledBackups;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #17, scheduled backups on a fake clock: a backup is written when due and not before, only the newest N stay,
 * the final name never holds a partial file, the recovery code is shown once and never stored in plaintext, and a
 * scheduled backup restores with it.
 */
class ScheduledBackupsTest {
    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void runsWhenDueKeepsTheNewestAndNeverShowsAPartialFile() throws Exception {
        ManualClock clock = new ManualClock();
        network.clock = clock;
        ParleyApp alice = network.open("alice");
        alice.account().create("alice", network.address(), TestNetwork.PASSPHRASE.clone());
        Path folder = Files.createDirectories(network.root.resolve("backups"));
        ScheduledBackups scheduled = alice.scheduledBackups();
        assertThat(scheduled.runIfDue()).as("nothing scheduled yet").isEmpty();

        char[] code = scheduled.set(folder, BackupSchedule.Interval.DAILY, 2).orElseThrow();
        assertThat(new String(code)).matches("[0-9]{5}( [0-9]{5}){5}");
        assertThat(scheduled.set(folder, BackupSchedule.Interval.DAILY, 2)).as("the code is shown only once").isEmpty();

        AtomicInteger checks = new AtomicInteger();
        Path first = scheduled.runIfDue((phase, done, total) -> {
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("while writing, only a .part file").allMatch(n -> n.endsWith(".parley-backup.part"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            checks.incrementAndGet();
        }).orElseThrow();
        assertThat(checks.get()).isPositive();
        assertThat(first).exists();
        assertThat(scheduled.runIfDue()).as("not due again at once").isEmpty();
        clock.advance(Duration.ofHours(23));
        assertThat(scheduled.runIfDue()).as("not due before a day").isEmpty();
        clock.advance(Duration.ofHours(1));
        Path second = scheduled.runIfDue().orElseThrow();
        clock.advance(Duration.ofDays(1));
        Path third = scheduled.runIfDue().orElseThrow();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.toList()).as("the newest 2 kept, nothing partial").containsExactlyInAnyOrder(second, third);
        }
        assertThat(scheduled.schedule()).hasValueSatisfying(s -> assertThat(s.keep()).isEqualTo(2));

        byte[] digits = new String(code).replace(" ", "").getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(alice.config().directories().profileDirectory(alice.config().profile()))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(indexOf(Files.readAllBytes(file), digits)).as("the code in plaintext in %s", file).isEqualTo(-1);
            }
        }
        alice.close();

        ParleyApp restored = network.track(ParleyApp.open(network.config("alice", "data-restored")));
        restored.backups().restore(third, code, TestNetwork.PASSPHRASE.clone(), BackupProgress.NONE);
        assertThat(restored.account().status().username()).isEqualTo("alice");
        assertThat(restored.scheduledBackups().schedule()).as("a schedule belongs to one computer").isEmpty();
        assertThat(List.of(second, third)).allMatch(Files::exists);
        assertThat(first).as("the oldest was removed").doesNotExist();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
