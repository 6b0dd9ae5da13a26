package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.cli.RelayCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Health and metrics endpoints, the command line's help and the invite subcommands. */
class OperatorSurfaceTest {
    @TempDir
    Path dataDir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RelayCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void healthAndMetricsAreServedOnTheSameListener() throws Exception {
        try (RelayServer relay = RelayServer.start(RelayConfig.defaults().withPort(0))) {
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + relay.port());
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ok\n");
            try (TestClient client = TestClient.connect(relay.uri())) {
                client.sendRaw(new byte[] {1, 2, 3});
                assertThat(client.awaitResponse(0)).isInstanceOf(dev.parley.crypto.wire.Response.ErrorResponse.class);
                HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
                assertThat(metrics.body()).contains("parley_relay_connections 1", "parley_relay_messages_routed_total 0",
                        "parley_relay_stored_blobs 0", "parley_relay_stored_bytes 0")
                        .containsPattern("parley_relay_rejects_total\\{reason=\"MALFORMED_FRAME\"} [1-9]");
            }
            assertThat(http.send(HttpRequest.newBuilder(base.resolve("/nope")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void helpExplainsEveryOption() {
        String[] result = run("--help");
        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).contains("--host", "--port", "--data-dir", "--tls-keystore", "--tls-self-signed",
                "--invite-only", "--message-ttl", "--queue-quota", "--max-frame-bytes", "invite", "stats");
    }

    @Test
    void invitesCreatedOnTheCommandLineRegisterOnceAndRevokedOnesNever() throws Exception {
        String[] created = run("invite", "create", "--count", "2", "--data-dir", dataDir.toString());
        assertThat(created[0]).isEqualTo("0");
        String[] codes = created[1].trim().split("\\R");
        assertThat(codes).hasSize(2);
        assertThat(run("invite", "revoke", "--data-dir", dataDir.toString(), codes[1])[0]).isEqualTo("0");
        assertThat(run("invite", "revoke", "--data-dir", dataDir.toString(), codes[1])[0]).isEqualTo("1");
        assertThat(run("invite", "list", "--data-dir", dataDir.toString())[1]).contains(codes[0] + " ", "unused", "revoked");

        RelayConfig config = RelayConfig.defaults().withPort(0).withDataDir(dataDir).withInviteOnly(true);
        try (RelayServer relay = RelayServer.start(config); TestClient client = TestClient.connect(relay.uri())) {
            assertThat(client.expectError(new TestUser("nocode").registration(client, 0, null)).code()).isEqualTo(ErrorCode.INVALID_INVITE);
            assertThat(client.expectError(new TestUser("wrong").registration(client, 0, "not-a-code")).code()).isEqualTo(ErrorCode.INVALID_INVITE);
            assertThat(client.expectError(new TestUser("revoked").registration(client, 0, codes[1])).code()).isEqualTo(ErrorCode.INVALID_INVITE);
            assertThat(client.request(new TestUser("invited").registration(client, 0, codes[0]))).isEqualTo(new Response.Ok());
            assertThat(client.expectError(new TestUser("second").registration(client, 0, codes[0])).code()).isEqualTo(ErrorCode.INVALID_INVITE);
        }
        String[] stats = run("stats", "--data-dir", dataDir.toString());
        assertThat(stats[1]).contains("accounts:        1", "queued messages: 0", "usable invites:  0");
    }
}
