package dev.parley.relay.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input on the admin socket of a running relay: each gets a clear failure and the relay keeps serving. */
class AdminSocketServerTest {
    @TempDir
    Path dataDir;

    private static AdminResponse.Failure refused(Path dataDir, String request) throws Exception {
        return refused(dataDir, request.getBytes(StandardCharsets.UTF_8));
    }

    private static AdminResponse.Failure refused(Path dataDir, byte[] request) throws Exception {
        AdminResponse response = AdminClient.sendRaw(dataDir, request);
        assertThat(response).isInstanceOf(AdminResponse.Failure.class);
        return (AdminResponse.Failure) response;
    }

    @Test
    void malformedRequestsAreRefusedClearlyAndTheRelayKeepsServing() throws Exception {
        try (RelayServer relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dataDir))) {
            assertThat(refused(dataDir, "not json at all").message()).startsWith("malformed admin request");
            assertThat(refused(dataDir, "").message()).startsWith("malformed admin request");
            assertThat(refused(dataDir, "{\"op\":\"drop-database\"}").message()).startsWith("malformed admin request");
            assertThat(refused(dataDir, "{\"count\":1}").message()).startsWith("malformed admin request");
            assertThat(refused(dataDir, "{\"op\":\"stats\",\"extra\":1}").message()).startsWith("malformed admin request");
            assertThat(refused(dataDir, "{\"op\":\"stats\"} {\"op\":\"stats\"}").message()).startsWith("malformed admin request");
            assertThat(refused(dataDir, "{\"op\":\"create-invites\",\"count\":0}").message())
                    .isEqualTo("malformed admin request: count must be 1..1000");
            assertThat(refused(dataDir, "{\"op\":\"create-invites\"}").message()).startsWith("malformed admin request");
            assertThat(refused(dataDir, "{\"op\":\"revoke-invite\",\"code\":\"\"}").message())
                    .contains("an invite code of 1..128 characters is required");
            byte[] huge = new byte[AdminCodec.MAX_REQUEST_BYTES + 100];
            Arrays.fill(huge, (byte) ' ');
            assertThat(refused(dataDir, huge).message()).isEqualTo("admin request larger than 4096 bytes");

            assertThat(AdminClient.tryRequest(dataDir, new AdminRequest.Stats()))
                    .hasValue(new AdminResponse.StatsReport(0, 0, 0, 0));
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relay.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).isEqualTo("ok\n");
        }
    }

    @Test
    void noRelayMeansNoAnswerSoTheCallerCanOpenTheDatabase() throws Exception {
        assertThat(AdminClient.tryRequest(dataDir, new AdminRequest.Stats())).isEmpty();
    }
}
