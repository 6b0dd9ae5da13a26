package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.relay.admin.AdminClient;
import dev.parley.relay.admin.AdminRequest;
import dev.parley.relay.admin.AdminResponse;
import dev.parley.relay.cli.RelayCommand;
import dev.parley.relay.cluster.ClusterEngines;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The static check of packaging/relay/cluster/ (Docker Compose cannot run here): the compose file's structure, the
 * per-node paths, and its relay nodes' own command lines (with the image's entry point) parsed by parley-relay's
 * option parser and started against a real PostgreSQL and Redis, mapped onto this machine by {@link ComposeCluster}.
 */
class ClusterComposeFileTest {
    @RegisterExtension
    static final ClusterEngines ENGINES = ClusterEngines.postgresAndRedis();

    private static ComposeCluster compose;

    @TempDir
    Path dir;

    @BeforeAll
    static void read() throws Exception {
        compose = ComposeCluster.read();
    }

    @Test
    void threeRelayNodesOnPostgresAndRedisBehindHaproxyEachWithAHealthCheck() throws Exception {
        assertThat(compose.services()).containsOnlyKeys("postgres", "redis", "relay1", "relay2", "relay3", "haproxy");
        assertThat(compose.relays()).containsExactly("relay1", "relay2", "relay3");
        for (String name : List.of("postgres", "redis", "relay1", "relay2", "relay3")) {
            assertThat(compose.service(name)).as(name).containsKey("healthcheck");
        }
        for (String relay : compose.relays()) {
            List<String> command = compose.command(relay);
            assertThat(command).as(relay).contains("--store=postgresql://postgres:5432/parley?user=parley",
                    "--bus=redis://redis:6379", "--store-password-file=/run/secrets/postgres_password");
            assertThat(String.join(" ", command)).as("no password on a command line").doesNotContainIgnoringCase("password=")
                    .doesNotContain("@");
            assertThat(compose.volumes(relay)).as("one identity for every node").isEqualTo(compose.volumes("relay1"));
        }
        assertThat(compose.service("relay2").get("depends_on").toString()).contains("relay1={condition=service_healthy}");
        String haproxy = Files.readString(ComposeCluster.CLUSTER_DIR.resolve("haproxy.cfg"), StandardCharsets.UTF_8);
        assertThat(haproxy).contains("option httpchk GET /health", "http-check expect status 200");
        for (String relay : compose.relays()) {
            assertThat(haproxy).contains("server " + relay + " " + relay + ":8443");
        }
    }

    @Test
    void eachNodeHasItsOwnAdminSocketInItsOwnFileSystemAndTheImageCreatesItsDirectory() throws Exception {
        ComposeCluster.Machine machine = machine();
        Set<Path> adminDirs = new HashSet<>();
        Set<Path> dataDirs = new HashSet<>();
        for (String relay : compose.relays()) {
            RelayConfig config = parse(compose.hostArgs(relay, machine)).config();
            Path data = config.dataDir().orElseThrow().normalize();
            Path admin = config.options().adminDir().orElseGet(() -> data.resolve("admin")).normalize();
            dataDirs.add(data);
            adminDirs.add(admin);
            assertThat(admin.startsWith(data)).as(relay + "'s admin socket outside the shared identity volume").isFalse();
            for (String volume : compose.volumes(relay)) {
                Path shared = machine.root().resolve("volumes").resolve(volume.split(":")[0]);
                assertThat(admin.startsWith(shared)).as(relay + "'s admin socket outside every named volume").isFalse();
            }
        }
        assertThat(dataDirs).as("the nodes share one data directory: the identity volume").hasSize(1);
        assertThat(adminDirs).as("one admin socket per node").hasSize(compose.relays().size());
        String adminDirOption = compose.command("relay1").stream().filter(a -> a.startsWith("--admin-dir="))
                .findFirst().orElseThrow();
        String parent = Path.of(adminDirOption.substring("--admin-dir=".length())).getParent().toString();
        assertThat(Files.readString(ComposeCluster.DOCKERFILE, StandardCharsets.UTF_8))
                .as("the image gives the relay user the admin directory's parent")
                .contains("install -d -m 700 -o parley-relay -g parley-relay " + parent);
    }

    @Test
    void theNodesCommandLinesStartNodesThatShareOneIdentityEachWithItsOwnAdminSocket() throws Exception {
        ComposeCluster.Machine machine = machine();
        List<RelayServer> nodes = new ArrayList<>();
        List<Path> adminDirs = new ArrayList<>();
        try {
            for (String relay : List.of("relay1", "relay2")) {
                RelayCommand command = parse(compose.hostArgs(relay, machine));
                adminDirs.add(command.config().options().adminDir().orElseThrow());
                nodes.add(RelayServer.start(command.config(), command.cluster()));
            }
            assertThat(nodes.get(1).tlsFingerprint()).isPresent().isEqualTo(nodes.get(0).tlsFingerprint());
            assertThat(nodes.get(1).relayId()).isEqualTo(nodes.get(0).relayId());
            for (RelayServer node : nodes) {
                String health = awaitBusInHealth(node);
                assertThat(health).startsWith("ok\n").contains("store=postgresql up").contains("bus=redis up");
            }
            for (Path adminDir : adminDirs) {
                assertThat(AdminClient.tryRequestIn(adminDir, new AdminRequest.Stats()))
                        .as("each node answers on its own admin socket").get().isInstanceOf(AdminResponse.StatsReport.class);
            }
        } finally {
            nodes.forEach(RelayServer::close);
        }
    }

    private ComposeCluster.Machine machine() throws Exception {
        Path password = Files.writeString(dir.resolve("postgres-password"), "unused-by-trust-auth\n");
        return new ComposeCluster.Machine(dir, Map.of("postgres", port(ENGINES.storeUri()), "redis",
                port(ENGINES.busUri())), Map.of("postgres_password", password));
    }

    private static RelayCommand parse(List<String> args) {
        RelayCommand command = new RelayCommand();
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        return command;
    }

    static int port(String uri) {
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
