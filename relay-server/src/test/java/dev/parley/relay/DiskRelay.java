package dev.parley.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test's relay: a real {@link RelayServer} with the default configuration on a free port and a fresh data
 * directory (its H2 files, keys and attachments), and the test clients connected to it. Register it with
 * {@code @RegisterExtension}; the clients, the relay and the directory are closed and deleted after each test.
 */
final class DiskRelay implements BeforeEachCallback, AfterEachCallback {
    private final List<TestClient> clients = new ArrayList<>();
    private Path dataDir;
    private RelayServer server;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("parley-relay-test");
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (TestClient client : clients) {
            client.close();
        }
        clients.clear();
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    RelayServer server() {
        return server;
    }

    Path dataDir() {
        return dataDir;
    }

    /** A new client connected to the relay, closed after the test. */
    TestClient connect() throws Exception {
        TestClient client = TestClient.connect(server.uri());
        clients.add(client);
        return client;
    }

    /** Stops the relay, keeping its data directory. */
    void stop() {
        server.close();
    }

    /** Stops the relay and starts a new one on the same data directory. */
    void restart() throws IOException {
        server.close();
        start();
    }

    private void start() throws IOException {
        server = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dataDir));
    }
}
