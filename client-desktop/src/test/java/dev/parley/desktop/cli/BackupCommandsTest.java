package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backup export FILE} and {@code --profile NEW backup restore FILE} as the README documents them (#17). */
class BackupCommandsTest {
    private static final java.util.function.UnaryOperator<dev.parley.desktop.app.AppConfig> CHEAP_ARGON2 =
            config -> config.withArgon2(new dev.parley.crypto.primitives.Argon2Params(1024, 1, 1));

    @TempDir
    Path dir;
    private RelayServer relay;

    @BeforeAll
    static void hardenH2() {
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
    }

    @BeforeEach
    void startRelay() throws Exception {
        RateLimits limits = RateLimits.defaults();
        for (RateLimit limit : RateLimit.values()) {
            limits = limits.with(limit, BucketSpec.UNLIMITED);
        }
        relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dir.resolve("relay")).withLimits(limits));
    }

    @AfterEach
    void stopRelay() {
        relay.close();
    }

    record Run(int code, String out, String err) {
    }

    private Run cli(Map<String, String> extra, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_DATA_DIR", dir.resolve("data").toAbsolutePath().toString());
        env.put("PARLEY_PASSPHRASE", "profile passphrase");
        env.putAll(extra);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCli.commandLine(env, new PrintWriter(out, true), new PrintWriter(err, true), CHEAP_ARGON2)
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void exportThenRestoreIntoANewProfileWithPassphraseOrGeneratedCode() throws Exception {
        String url = relay.uri().toString();
        Map<String, String> none = Map.of();
        assertThat(cli(none, "--profile", "alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(cli(none, "--profile", "bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(cli(none, "--profile", "alice", "register").code()).isZero();
        assertThat(cli(none, "--profile", "bob", "register").code()).isZero();
        assertThat(cli(none, "--profile", "alice", "add-contact", "bob").code()).isZero();
        assertThat(cli(none, "--profile", "alice", "send", "bob", "before the backup").code()).isZero();

        Map<String, String> secret = Map.of("PARLEY_BACKUP_PASSPHRASE", "backup words");
        Path file = dir.resolve("alice.backup");
        Run exported = cli(secret, "--profile", "alice", "backup", "export", file.toString());
        assertThat(exported.code()).as(exported.err()).isZero();
        assertThat(exported.out()).startsWith("backup\t" + file + "\t").doesNotContain("recovery-code");
        Run again = cli(secret, "--profile", "alice", "backup", "export", file.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");

        Run existing = cli(secret, "--profile", "alice", "backup", "restore", file.toString());
        assertThat(existing.code()).isEqualTo(5);
        assertThat(existing.err()).contains("restore into a new name");
        Run wrong = cli(Map.of("PARLEY_BACKUP_PASSPHRASE", "not it"), "--profile", "alice2", "backup", "restore",
                file.toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("wrong backup passphrase or recovery code");
        assertThat(dir.resolve("data/alice2")).doesNotExist();

        Path secretFile = Files.writeString(dir.resolve("secret.txt"), "backup words\n");
        Run restored = cli(none, "--profile", "alice2", "backup", "restore", file.toString(),
                "--backup-passphrase-file", secretFile.toString());
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(restored.out()).startsWith("restored\talice\t");
        assertThat(cli(none, "--profile", "alice2", "history", "bob").out()).contains("before the backup");

        Run coded = cli(none, "--profile", "alice2", "backup", "export", dir.resolve("coded.backup").toString());
        assertThat(coded.code()).as(coded.err()).isZero();
        String code = coded.out().lines().filter(l -> l.startsWith("recovery-code\t")).findFirst().orElseThrow()
                .substring("recovery-code\t".length());
        assertThat(code).matches("[0-9]{5}( [0-9]{5}){5}");
        assertThat(coded.err()).contains("shown only this once");
        Run fromCode = cli(Map.of("PARLEY_BACKUP_PASSPHRASE", code), "--profile", "alice3", "backup", "restore",
                dir.resolve("coded.backup").toString());
        assertThat(fromCode.code()).as(fromCode.err()).isZero();
        assertThat(cli(none, "--profile", "alice3", "history", "bob").out()).contains("before the backup");

        Path folder = Files.createDirectories(dir.resolve("scheduled"));
        Run scheduled = cli(none, "--profile", "alice3", "backup", "schedule", "--folder", folder.toString(),
                "--every", "weekly", "--keep", "3", "--run");
        assertThat(scheduled.code()).as(scheduled.err()).isZero();
        assertThat(scheduled.out()).containsPattern("recovery-code\t[0-9]{5}( [0-9]{5}){5}")
                .contains("backup\t" + folder).contains("schedule\t" + folder + "\tweekly\t3\t");
        try (var files = Files.list(folder)) {
            assertThat(files.toList()).singleElement().satisfies(f -> assertThat(f.getFileName().toString())
                    .matches("parley-alice3-[0-9]{8}-[0-9]{6}\\.parley-backup"));
        }
        Run notDue = cli(none, "--profile", "alice3", "backup", "schedule", "--run");
        assertThat(notDue.out()).doesNotContain("recovery-code").doesNotContain("backup\t");
        assertThat(cli(none, "--profile", "alice3", "backup", "schedule", "--off").out()).isEqualTo("schedule\toff\n");
        assertThat(cli(none, "--profile", "alice3", "backup", "schedule", "--every", "hourly").code()).isEqualTo(1);
    }
}
