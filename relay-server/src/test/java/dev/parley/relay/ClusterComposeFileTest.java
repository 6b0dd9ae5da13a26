package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.relay.cli.RelayCommand;
import dev.parley.relay.cluster.ClusterEngines;
import java.io.Reader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The static check of packaging/relay/cluster/ (Docker Compose cannot run here): the compose file's structure, and
 * its relay nodes' own command lines parsed by parley-relay's option parser and started against a real PostgreSQL
 * and Redis, with only the service host names, secret paths, data directory and ports mapped to this machine.
 */
class ClusterComposeFileTest {
    @RegisterExtension
    static final ClusterEngines ENGINES = ClusterEngines.postgresAndRedis();
    private static final Path CLUSTER_DIR = Path.of("..", "packaging", "relay", "cluster");
    private static final List<String> RELAYS = List.of("relay1", "relay2", "relay3");

    private static Map<String, Object> services;

    @TempDir
    Path dir;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws Exception {
        try (Reader reader = Files.newBufferedReader(CLUSTER_DIR.resolve("docker-compose.yml"), StandardCharsets.UTF_8)) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Object>) compose.get("services");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<String> command(String relay) {
        return (List<String>) service(relay).get("command");
    }

    @Test
    void threeRelayNodesOnPostgresAndRedisBehindHaproxyEachWithAHealthCheck() throws Exception {
        assertThat(services).containsOnlyKeys("postgres", "redis", "relay1", "relay2", "relay3", "haproxy");
        for (String name : List.of("postgres", "redis", "relay1", "relay2", "relay3")) {
            assertThat(service(name)).as(name).containsKey("healthcheck");
        }
        for (String relay : RELAYS) {
            List<String> command = command(relay);
            assertThat(command).as(relay).contains("--store=postgresql://postgres:5432/parley?user=parley",
                    "--bus=redis://redis:6379", "--store-password-file=/run/secrets/postgres_password");
            assertThat(String.join(" ", command)).as("no password on a command line").doesNotContainIgnoringCase("password=")
                    .doesNotContain("@");
            assertThat(service(relay).get("volumes")).as("one identity for every node")
                    .isEqualTo(service("relay1").get("volumes"));
        }
        assertThat(service("relay2").get("depends_on").toString()).contains("relay1={condition=service_healthy}");
        String haproxy = Files.readString(CLUSTER_DIR.resolve("haproxy.cfg"), StandardCharsets.UTF_8);
        assertThat(haproxy).contains("option httpchk GET /health", "http-check expect status 200");
        for (String relay : RELAYS) {
            assertThat(haproxy).contains("server " + relay + " " + relay + ":8443");
        }
    }

    @Test
    void theNodesCommandLinesStartNodesThatShareOneIdentityAndReportTheirEngines() throws Exception {
        Path password = dir.resolve("postgres-password");
        Files.writeString(password, "unused-by-trust-auth\n");
        List<RelayServer> nodes = new ArrayList<>();
        try {
            Path shared = dir.resolve("relay-identity");
            for (String relay : List.of("relay1", "relay2")) {
                nodes.add(start(command(relay), shared, password));
            }
            assertThat(nodes.get(1).tlsFingerprint()).isPresent().isEqualTo(nodes.get(0).tlsFingerprint());
            assertThat(nodes.get(1).relayId()).isEqualTo(nodes.get(0).relayId());
            for (RelayServer node : nodes) {
                String health = awaitBusInHealth(node);
                assertThat(health).startsWith("ok\n").contains("store=postgresql up").contains("bus=redis up");
            }
        } finally {
            nodes.forEach(RelayServer::close);
        }
    }

    /** Starts a node from a compose command line, mapped to this machine, as the image's entry point would. */
    private RelayServer start(List<String> composeCommand, Path dataDir, Path passwordFile) throws Exception {
        List<String> args = new ArrayList<>(List.of("--data-dir=" + dataDir, "--host=127.0.0.1", "--port=0",
                "--metrics-port=0"));
        for (String arg : composeCommand) {
            args.add(arg.replace("postgres:5432", "127.0.0.1:" + port(ENGINES.storeUri()))
                    .replace("redis:6379", "127.0.0.1:" + port(ENGINES.busUri()))
                    .replace("/run/secrets/postgres_password", passwordFile.toString())
                    .replace("/etc/parley-relay/cluster.properties", CLUSTER_DIR.resolve("cluster.properties").toString()));
        }
        RelayCommand command = new RelayCommand();
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        return RelayServer.start(command.config(), command.cluster());
    }

    private static int port(String uri) {
        Matcher m = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(uri);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String awaitBusInHealth(RelayServer node) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.metricsUri().orElseThrow()
                    .resolve("/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("bus=redis up") || System.nanoTime() > deadline) {
                return body;
            }
            Thread.sleep(100);
        }
    }
}
