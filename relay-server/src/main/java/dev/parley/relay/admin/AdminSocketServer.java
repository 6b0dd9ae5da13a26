package dev.parley.relay.admin;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running relay's admin channel: a Unix domain socket at {@code <data-dir>/admin/relay.sock}, one JSON request
 * and one JSON response per connection (see {@link AdminCodec}).
 *
 * <p>Permission model: the {@code admin} directory is created (or reset) to {@code rwx------} before the socket is
 * bound inside it, and the socket itself is set to {@code rw-------}, so only the relay's own user (and root) can
 * connect; there is no window in which another user could reach the socket. Nothing listens on the network.
 *
 * <p>A socket file left by a relay that died is detected at start (nothing accepts on it) and replaced; a socket
 * somebody still accepts on makes {@link #start} fail. {@link #close()} removes the socket file.
 */
public final class AdminSocketServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminSocketServer.class);
    static final String DIRECTORY = "admin";
    static final String SOCKET_FILE = "relay.sock";
    private static final long READ_TIMEOUT_SECONDS = 10;

    private final Path socket;
    private final ServerSocketChannel channel;
    private final AdminOperations operations;
    private final ExecutorService workers;
    private final ScheduledExecutorService watchdog;
    private final Thread acceptor;
    private volatile boolean closed;

    private AdminSocketServer(Path socket, ServerSocketChannel channel, AdminOperations operations) {
        this.socket = socket;
        this.channel = channel;
        this.operations = operations;
        this.workers = Executors.newFixedThreadPool(2, daemon("relay-admin-worker"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemon("relay-admin-watchdog"));
        this.acceptor = daemon("relay-admin-accept").newThread(this::acceptLoop);
    }

    /** Where the admin socket of the relay using {@code dataDir} lives (unless it was given its own admin directory). */
    public static Path socketPath(Path dataDir) {
        return defaultDirectory(dataDir).resolve(SOCKET_FILE);
    }

    /** The admin directory of a relay started without one of its own: {@code <data-dir>/admin}. */
    public static Path defaultDirectory(Path dataDir) {
        return dataDir.resolve(DIRECTORY);
    }

    /** Where the admin socket lives in the admin directory {@code adminDir}. */
    public static Path socketIn(Path adminDir) {
        return adminDir.resolve(SOCKET_FILE);
    }

    /**
     * Binds the admin socket in {@code dataDir} and starts serving.
     *
     * @return empty when this platform has no Unix domain sockets (the operator commands then need a stopped relay)
     * @throws IOException when the socket cannot be bound or another process already serves it
     */
    public static Optional<AdminSocketServer> start(Path dataDir, AdminOperations operations) throws IOException {
        return startIn(defaultDirectory(dataDir), operations);
    }

    /**
     * Binds the admin socket in the admin directory {@code adminDir} (created, with its parents, and reset to
     * {@code rwx------}) and starts serving.
     *
     * @return empty when this platform has no Unix domain sockets
     * @throws IOException when the socket cannot be bound or another process already serves it
     */
    public static Optional<AdminSocketServer> startIn(Path adminDir, AdminOperations operations) throws IOException {
        ServerSocketChannel channel;
        try {
            channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (UnsupportedOperationException e) {
            LOG.warn("This platform has no Unix domain sockets: invite and stats commands need the relay stopped");
            return Optional.empty();
        }
        try {
            Path socket = socketIn(adminDir);
            prepareDirectory(socket.getParent());
            removeStale(socket);
            channel.bind(UnixDomainSocketAddress.of(socket));
            if (Files.getFileStore(socket.getParent()).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            }
            AdminSocketServer server = new AdminSocketServer(socket, channel, operations);
            server.acceptor.start();
            LOG.info("Admin socket ready");
            return Optional.of(server);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void prepareDirectory(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        boolean posix = Files.getFileStore(parent).supportsFileAttributeView("posix");
        if (Files.notExists(dir)) {
            if (posix) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(dir);
            }
        }
        if (posix) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void removeStale(Path socket) throws IOException {
        if (Files.notExists(socket)) {
            return;
        }
        if (someoneAccepts(socket)) {
            throw new IOException("another process is serving this admin socket (nodes sharing a data directory each need their own --admin-dir)");
        }
        LOG.info("Removing a stale admin socket left by a relay that did not shut down cleanly");
        Files.delete(socket);
    }

    private static boolean someoneAccepts(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return probe.isConnected();
        } catch (IOException e) {
            LOG.debug("Nothing accepts on the old admin socket: {}", e.getMessage());
            return false;
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel connection = channel.accept();
                dispatch(connection);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Admin socket accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void dispatch(SocketChannel connection) {
        if (closed) {
            closeQuietly(connection);
            return;
        }
        try {
            workers.execute(() -> serve(connection));
        } catch (RejectedExecutionException e) {
            LOG.debug("Admin connection arrived during shutdown");
            closeQuietly(connection);
        }
    }

    private void serve(SocketChannel connection) {
        ScheduledFuture<?> timeout = watchdog.schedule(() -> closeQuietly(connection), READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        try (connection) {
            AdminResponse response;
            try {
                byte[] request = ChannelIo.readToEnd(connection, AdminCodec.MAX_REQUEST_BYTES);
                response = answer(AdminCodec.decodeRequest(request));
            } catch (AdminProtocolException e) {
                LOG.warn("Refused an admin request: {}", e.getMessage());
                response = new AdminResponse.Failure(e.getMessage());
            }
            ChannelIo.writeAll(connection, AdminCodec.encode(response));
        } catch (IOException e) {
            LOG.warn("Admin connection failed: {}", e.getMessage());
        } finally {
            timeout.cancel(false);
        }
    }

    private AdminResponse answer(AdminRequest request) {
        try {
            return operations.execute(request);
        } catch (RuntimeException e) {
            LOG.error("Admin request {} failed", request.getClass().getSimpleName(), e);
            return new AdminResponse.Failure("the relay could not carry out the request (see its log)");
        }
    }

    static void closeQuietly(SocketChannel connection) {
        try {
            connection.close();
        } catch (IOException e) {
            LOG.debug("Closing a timed-out admin connection failed", e);
        }
    }

    /** Stops listening, lets a request in progress finish (the database is still open) and removes the socket file. */
    @Override
    public void close() {
        stop();
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("Could not remove the admin socket file: {}", e.getMessage());
        }
    }

    /** Stops listening but leaves the socket file behind, as a crash would. */
    public void halt() {
        stop();
    }

    private void stop() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Closing the admin socket failed: {}", e.getMessage());
        }
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(READ_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("An admin request was still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
