package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code backup export FILE} and {@code --profile NEW backup restore FILE} as the README documents them (#17). */
class BackupCommandsTest {
    @RegisterExtension
    final CliRelay net = new CliRelay();

    /** Runs the CLI with one passphrase for every profile (each command names its profile with --profile). */
    private CliRelay.Run cli(Map<String, String> extra, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_DATA_DIR", net.dataDir().toString());
        env.put("PARLEY_PASSPHRASE", "profile passphrase");
        env.putAll(extra);
        return net.run(env, args);
    }

    @Test
    void exportThenRestoreIntoANewProfileWithPassphraseOrGeneratedCode() throws Exception {
        String url = net.url();
        Map<String, String> none = Map.of();
        assertThat(cli(none, "--profile", "alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(cli(none, "--profile", "bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(cli(none, "--profile", "alice", "register").code()).isZero();
        assertThat(cli(none, "--profile", "bob", "register").code()).isZero();
        assertThat(cli(none, "--profile", "alice", "add-contact", "bob").code()).isZero();
        assertThat(cli(none, "--profile", "alice", "send", "bob", "before the backup").code()).isZero();

        Map<String, String> secret = Map.of("PARLEY_BACKUP_PASSPHRASE", "backup words");
        Path file = net.dir().resolve("alice.backup");
        CliRelay.Run exported = cli(secret, "--profile", "alice", "backup", "export", file.toString());
        assertThat(exported.code()).as(exported.err()).isZero();
        assertThat(exported.out()).startsWith("backup\t" + file + "\t").doesNotContain("recovery-code");
        CliRelay.Run again = cli(secret, "--profile", "alice", "backup", "export", file.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");

        CliRelay.Run existing = cli(secret, "--profile", "alice", "backup", "restore", file.toString());
        assertThat(existing.code()).isEqualTo(5);
        assertThat(existing.err()).contains("restore into a new name");
        CliRelay.Run wrong = cli(Map.of("PARLEY_BACKUP_PASSPHRASE", "not it"), "--profile", "alice2", "backup", "restore",
                file.toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("wrong backup passphrase or recovery code");
        assertThat(net.dir().resolve("data/alice2")).doesNotExist();

        Path secretFile = Files.writeString(net.dir().resolve("secret.txt"), "backup words\n");
        CliRelay.Run restored = cli(none, "--profile", "alice2", "backup", "restore", file.toString(),
                "--backup-passphrase-file", secretFile.toString());
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(restored.out()).startsWith("restored\talice\t");
        assertThat(cli(none, "--profile", "alice2", "history", "bob").out()).contains("before the backup");

        CliRelay.Run coded = cli(none, "--profile", "alice2", "backup", "export", net.dir().resolve("coded.backup").toString());
        assertThat(coded.code()).as(coded.err()).isZero();
        String code = coded.out().lines().filter(l -> l.startsWith("recovery-code\t")).findFirst().orElseThrow()
                .substring("recovery-code\t".length());
        assertThat(code).matches("[0-9]{5}( [0-9]{5}){5}");
        assertThat(coded.err()).contains("shown only this once");
        CliRelay.Run fromCode = cli(Map.of("PARLEY_BACKUP_PASSPHRASE", code), "--profile", "alice3", "backup", "restore",
                net.dir().resolve("coded.backup").toString());
        assertThat(fromCode.code()).as(fromCode.err()).isZero();
        assertThat(cli(none, "--profile", "alice3", "history", "bob").out()).contains("before the backup");

        Path folder = Files.createDirectories(net.dir().resolve("scheduled"));
        CliRelay.Run scheduled = cli(none, "--profile", "alice3", "backup", "schedule", "--folder", folder.toString(),
                "--every", "weekly", "--keep", "3", "--run");
        assertThat(scheduled.code()).as(scheduled.err()).isZero();
        assertThat(scheduled.out()).containsPattern("recovery-code\t[0-9]{5}( [0-9]{5}){5}")
                .contains("backup\t" + folder).contains("schedule\t" + folder + "\tweekly\t3\t");
        try (var files = Files.list(folder)) {
            assertThat(files.toList()).singleElement().satisfies(f -> assertThat(f.getFileName().toString())
                    .matches("parley-alice3-[0-9]{8}-[0-9]{6}\\.parley-backup"));
        }
        CliRelay.Run notDue = cli(none, "--profile", "alice3", "backup", "schedule", "--run");
        assertThat(notDue.out()).doesNotContain("recovery-code").doesNotContain("backup\t");
        assertThat(cli(none, "--profile", "alice3", "backup", "schedule", "--off").out()).isEqualTo("schedule\toff\n");
        assertThat(cli(none, "--profile", "alice3", "backup", "schedule", "--every", "hourly").code()).isEqualTo(1);
    }
}
