package dev.parley.desktop.ui;

import dev.parley.relay.DatabaseKey;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Run a relay on this computer": an in-process relay-server bound to 127.0.0.1, its data under the profile's
 * directory ({@code <profile>/relay/}). The port is chosen once ({@value #PREFERRED_PORT} if free, else any free
 * port) and remembered in {@code <profile>/relay/port}, so the address a second profile connects to stays the same
 * across restarts.
 */
public final class EmbeddedRelayHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRelayHost.class);
    /** The port tried first for a new embedded relay. */
    public static final int PREFERRED_PORT = 8443;
    private static final String DIR = "relay";
    private static final String PORT_FILE = "port";

    private final RelayServer server;
    private EmbeddedRelayHost(RelayServer server) {
        this.server = server;
    }

    /** Whether the profile in {@code profileDir} hosts an embedded relay. */
    public static boolean configured(Path profileDir) {
        return Files.isRegularFile(profileDir.resolve(DIR).resolve(PORT_FILE));
    }

    /** A port for a new embedded relay: {@value #PREFERRED_PORT} if it is free on 127.0.0.1, else a free one. */
    public static int choosePort() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket probe = new ServerSocket(PREFERRED_PORT, 1, loopback)) {
            return probe.getLocalPort();
        } catch (IOException taken) {
            LOG.info("port {} is taken; the embedded relay uses a free port", PREFERRED_PORT);
            try (ServerSocket probe = new ServerSocket(0, 1, loopback)) {
                return probe.getLocalPort();
            }
        }
    }

    /** The address of an embedded relay on {@code port}. */
    public static URI uriFor(int port) {
        return URI.create("ws://127.0.0.1:" + port + "/parley");
    }

    /**
     * Starts the profile's embedded relay on {@code port}, its database encrypted under {@code key} (an unencrypted
     * database left by an older version is encrypted in place first), and remembers the port.
     *
     * @throws IOException if the relay cannot start (for example another program took the port)
     */
    public static EmbeddedRelayHost start(Path profileDir, int port, DatabaseKey key) throws IOException {
        Path dir = profileDir.resolve(DIR);
        Files.createDirectories(dir);
        RelayServer server = RelayServer.start(RelayConfig.defaults().withDataDir(dir).withPort(port).withDatabaseKey(key));
        Files.writeString(dir.resolve(PORT_FILE), Integer.toString(server.port()), StandardCharsets.US_ASCII);
        LOG.info("embedded relay listening on 127.0.0.1:{}", server.port());
        return new EmbeddedRelayHost(server);
    }

    /** Starts the embedded relay of a profile that hosts one, on its remembered port. */
    public static Optional<EmbeddedRelayHost> startIfConfigured(Path profileDir, DatabaseKey key) throws IOException {
        Optional<Integer> port = configuredPort(profileDir);
        if (port.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(start(profileDir, port.get(), key));
    }

    /**
     * The remembered port of the profile's embedded relay, if it hosts one.
     *
     * @throws IOException if the port file is unreadable or damaged
     */
    public static Optional<Integer> configuredPort(Path profileDir) throws IOException {
        if (!configured(profileDir)) {
            return Optional.empty();
        }
        String text = Files.readString(profileDir.resolve(DIR).resolve(PORT_FILE), StandardCharsets.US_ASCII).strip();
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IOException("the embedded relay's port file is damaged", e);
        }
        if (port < 1 || port > 65535) {
            throw new IOException("the embedded relay's port file is damaged");
        }
        return Optional.of(port);
    }

    /** The address clients use: {@code ws://127.0.0.1:<port>/parley}. */
    public URI uri() {
        return server.uri();
    }

    public int port() {
        return server.port();
    }

    /** The SHA-256 fingerprint of the relay's TLS certificate, when it serves TLS (the loopback relay does not). */
    public Optional<String> tlsFingerprint() {
        return server.tlsFingerprint();
    }

    @Override
    public void close() {
        server.close();
    }
}
