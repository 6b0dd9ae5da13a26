package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.relay.cli.RelayCommand;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Finding 8 (security review, issue 11): {@code /metrics} is not public on the relay's port. */
class MetricsAccessTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private HttpResponse<String> get(URI uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSeparateLoopbackListenerServesMetricsAndTheRelayPortDoesNot() throws Exception {
        RelayConfig config = RelayConfig.defaults().withPort(0).withMetrics(new MetricsAccess.Listener("127.0.0.1", 0));
        try (RelayServer relay = RelayServer.start(config)) {
            URI main = URI.create("http://127.0.0.1:" + relay.port());
            assertThat(get(main.resolve("/metrics"), null).statusCode()).isEqualTo(404);
            assertThat(get(main.resolve("/health"), null).statusCode()).isEqualTo(200);
            URI metrics = relay.metricsUri().orElseThrow();
            assertThat(metrics.getHost()).isEqualTo("127.0.0.1");
            assertThat(metrics.getPort()).isNotEqualTo(relay.port());
            HttpResponse<String> scraped = get(metrics, null);
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.body()).contains("parley_relay_connections 0");
            assertThat(get(metrics.resolve("/parley"), null).statusCode()).as("no WebSocket endpoint there").isEqualTo(404);
        }
    }

    @Test
    void aTakenMetricsPortDoesNotStopTheRelay() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             RelayServer relay = RelayServer.start(RelayConfig.defaults().withPort(0)
                     .withMetrics(new MetricsAccess.Listener("127.0.0.1", taken.getLocalPort())))) {
            assertThat(relay.metricsUri()).isEmpty();
            assertThat(get(URI.create("http://127.0.0.1:" + relay.port() + "/health"), null).statusCode()).isEqualTo(200);
            assertThat(get(URI.create("http://127.0.0.1:" + relay.port() + "/metrics"), null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void behindATokenOnlyTheRightBearerGetsMetrics() throws Exception {
        String token = "s3cret-token-0123456789";
        RelayConfig config = RelayConfig.defaults().withPort(0).withMetrics(new MetricsAccess.Token(token));
        try (RelayServer relay = RelayServer.start(config)) {
            URI metrics = URI.create("http://127.0.0.1:" + relay.port() + "/metrics");
            assertThat(get(metrics, null).statusCode()).isEqualTo(404);
            assertThat(get(metrics, "Bearer wrong-token-0123456789").statusCode()).isEqualTo(404);
            assertThat(get(metrics, token).statusCode()).isEqualTo(404);
            HttpResponse<String> scraped = get(metrics, "Bearer " + token);
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.body()).contains("parley_relay_connections");
            assertThat(relay.metricsUri()).isEmpty();
        }
        assertThat(new MetricsAccess.Token(token).toString()).doesNotContain(token);
    }

    @Test
    void theCommandLineRelayServesMetricsOnLoopback9464UnlessGivenATokenFile() throws Exception {
        RelayCommand command = new RelayCommand();
        new CommandLine(command).parseArgs("--data-dir", dir.toString());
        assertThat(command.config().options().metrics()).isEqualTo(new MetricsAccess.Listener("127.0.0.1", 9464));

        Path tokenFile = Files.writeString(dir.resolve("metrics.token"), "abcdefghijklmnopqrstuvwxyz\n");
        RelayCommand withToken = new RelayCommand();
        new CommandLine(withToken).parseArgs("--data-dir", dir.toString(), "--metrics-token-file", tokenFile.toString());
        assertThat(withToken.config().options().metrics()).isEqualTo(new MetricsAccess.Token("abcdefghijklmnopqrstuvwxyz"));
    }
}
