package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.admin.AdminSocketServer;
import dev.parley.relay.cli.RelayCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The invite and stats subcommands against a running relay, through its admin socket. */
class AdminChannelTest {
    @TempDir
    Path dataDir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RelayCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private RelayConfig config() {
        return RelayConfig.defaults().withPort(0).withDataDir(dataDir).withInviteOnly(true);
    }

    @Test
    void inviteAndStatsCommandsWorkWhileTheRelayRunsAndNewCodesRegisterAtOnce() throws Exception {
        String dir = dataDir.toString();
        try (RelayServer relay = RelayServer.start(config()); TestClient client = TestClient.connect(relay.uri())) {
            Result created = run("invite", "create", "--count", "2", "--data-dir", dir);
            assertThat(created.code()).as(created.err()).isZero();
            String[] codes = created.out().trim().split("\\R");
            assertThat(codes).hasSize(2).allSatisfy(c -> assertThat(c).hasSize(20));

            assertThat(run("invite", "revoke", "--data-dir", dir, codes[1]).code()).isZero();
            Result again = run("invite", "revoke", "--data-dir", dir, codes[1]);
            assertThat(again.code()).isEqualTo(1);
            assertThat(again.err()).contains("no such unrevoked invite code");
            assertThat(run("invite", "list", "--data-dir", dir).out())
                    .contains(codes[0] + "  created ", "unused", codes[1] + "  created ", "revoked");
            assertThat(run("stats", "--data-dir", dir).out()).contains("accounts:        0", "usable invites:  1");

            assertThat(client.expectError(new TestUser("revoked").registration(client, 0, codes[1])).code())
                    .isEqualTo(ErrorCode.INVALID_INVITE);
            assertThat(client.request(new TestUser("invited").registration(client, 0, codes[0]))).isEqualTo(new Response.Ok());

            Result stats = run("stats", "--data-dir", dir);
            assertThat(stats.code()).isZero();
            assertThat(stats.out()).contains("accounts:        1", "queued messages: 0", "usable invites:  0");
            assertThat(run("invite", "list", "--data-dir", dir).out()).contains(codes[0] + "  created ", "  used ");
        }
    }

    @Test
    void theSocketIsOwnerOnlyAndRemovedOnCleanShutdown() throws Exception {
        Path socket = AdminSocketServer.socketPath(dataDir);
        try (RelayServer relay = RelayServer.start(config())) {
            assertThat(socket).exists();
            if (Files.getFileStore(dataDir).supportsFileAttributeView("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
                        .isEqualTo("rwx------");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
            }
        }
        assertThat(socket).doesNotExist();
        Result stopped = run("stats", "--data-dir", dataDir.toString());
        assertThat(stopped.code()).as(stopped.err()).isZero();
        assertThat(stopped.out()).contains("accounts:        0");
    }

    @Test
    void aStaleSocketFileNeitherStopsTheRelayStartingNorTheStoppedRelayCommands() throws Exception {
        Path socket = AdminSocketServer.socketPath(dataDir);
        RelayServer crashed = RelayServer.start(config());
        crashed.halt();
        assertThat(socket).exists();

        Result offline = run("invite", "create", "--data-dir", dataDir.toString());
        assertThat(offline.code()).as(offline.err()).isZero();
        String code = offline.out().trim();

        try (RelayServer relay = RelayServer.start(config()); TestClient client = TestClient.connect(relay.uri())) {
            assertThat(socket).exists();
            Result live = run("invite", "list", "--data-dir", dataDir.toString());
            assertThat(live.code()).as(live.err()).isZero();
            assertThat(live.out()).contains(code + "  created ", "unused");
            assertThat(client.request(new TestUser("afterstale").registration(client, 0, code))).isEqualTo(new Response.Ok());
        }
    }

    @Test
    void aRelayGivenItsOwnAdminDirectoryServesTheCommandsThereAndNotInTheDataDirectory() throws Exception {
        Path adminDir = dataDir.resolve("node-a").resolve("admin");
        try (RelayServer relay = RelayServer.start(config().withAdminDir(adminDir))) {
            assertThat(AdminSocketServer.socketIn(adminDir)).exists();
            assertThat(AdminSocketServer.socketPath(dataDir)).doesNotExist();
            if (Files.getFileStore(adminDir).supportsFileAttributeView("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(adminDir))).isEqualTo("rwx------");
            }
            Result created = run("invite", "create", "--data-dir", dataDir.toString(), "--admin-dir", adminDir.toString());
            assertThat(created.code()).as(created.err()).isZero();
            Result stats = run("stats", "--data-dir", dataDir.toString(), "--admin-dir", adminDir.toString());
            assertThat(stats.out()).contains("usable invites:  1");
        }
    }

    @Test
    void theCommandsNeverOpenAnH2FileInAClusterNodesDataDirectory() throws Exception {
        Files.writeString(dataDir.resolve("relay-id"), "00112233445566778899aabbccddeeff");
        Result stats = run("stats", "--data-dir", dataDir.toString());
        assertThat(stats.code()).isEqualTo(1);
        assertThat(stats.err()).contains("belongs to a cluster node");
        assertThat(dataDir.resolve("relay.mv.db")).doesNotExist();
    }

    @Test
    void helpSaysTheCommandsWorkWhileTheRelayRuns() {
        assertThat(run("invite", "--help").out().replaceAll("\\s+", " ")).contains("Works while the relay is running");
        assertThat(run("stats", "--help").out().replaceAll("\\s+", " ")).contains("Works while the relay is running");
    }

    @Test
    void outOfRangeCountIsAParameterError() throws Exception {
        try (RelayServer relay = RelayServer.start(config())) {
            Result zero = run("invite", "create", "--count", "0", "--data-dir", dataDir.toString());
            assertThat(zero.code()).isEqualTo(2);
            assertThat(zero.err()).contains("--count must be 1..1000");
        }
    }
}
