package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mute CONTACT [--off]} and {@code archive CONTACT [--off]} in-process against a real relay (#12). */
class MuteArchiveCommandsTest {
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
        relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dir.resolve("relay")));
    }

    @AfterEach
    void stopRelay() {
        relay.close();
    }

    private record Run(int code, String out, String err) {
    }

    private Run cli(String profile, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_DATA_DIR", dir.resolve("data").toAbsolutePath().toString());
        env.put("PARLEY_PROFILE", profile);
        env.put("PARLEY_PASSPHRASE", "passphrase of " + profile);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCli.commandLine(env, new PrintWriter(out, true), new PrintWriter(err, true), CHEAP_ARGON2).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void muteAndArchiveAContactAndUndoThemAnUnknownOneExitsThree() {
        String url = relay.uri().toString();
        String nl = System.lineSeparator();
        assertThat(cli("alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(cli("bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(cli("alice", "register").code()).isZero();
        assertThat(cli("bob", "register").code()).isZero();
        assertThat(cli("alice", "add-contact", "bob").code()).isZero();

        Run muted = cli("alice", "mute", "bob");
        assertThat(muted.code()).as(muted.err()).isZero();
        assertThat(muted.out()).isEqualTo("muted\tbob" + nl);
        assertThat(cli("alice", "archive", "bob").out()).isEqualTo("archived\tbob" + nl);
        assertThat(cli("alice", "mute", "bob", "--off").out()).isEqualTo("unmuted\tbob" + nl);
        assertThat(cli("alice", "archive", "bob", "--off").out()).isEqualTo("unarchived\tbob" + nl);

        Run unknown = cli("alice", "mute", "carol");
        assertThat(unknown.code()).isEqualTo(ExitCode.UNKNOWN_CONTACT.code());
        assertThat(unknown.out()).isEmpty();
        assertThat(cli("alice", "archive", "carol").code()).isEqualTo(ExitCode.UNKNOWN_CONTACT.code());
    }
}
