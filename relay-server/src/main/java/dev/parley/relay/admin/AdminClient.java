package dev.parley.relay.admin;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends one {@link AdminRequest} to the relay running on a data directory, if one is. */
public final class AdminClient {
    private static final Logger LOG = LoggerFactory.getLogger(AdminClient.class);
    private static final long ANSWER_TIMEOUT_SECONDS = 60;

    private AdminClient() {
    }

    /**
     * Asks the running relay.
     *
     * @return empty when no relay listens on the data directory's admin socket (no socket file, a stale one, or no
     *         Unix domain sockets on this platform): the caller may then open the database itself
     * @throws IOException            when the relay accepted the connection but the exchange failed or no answer
     *                                came within 60 s
     * @throws AdminProtocolException when the relay's answer is not a valid response
     */
    public static Optional<AdminResponse> tryRequest(Path dataDir, AdminRequest request)
            throws IOException, AdminProtocolException {
        return tryRequestIn(AdminSocketServer.defaultDirectory(dataDir), request);
    }

    /** Asks the running relay whose admin directory is {@code adminDir}; empty as {@link #tryRequest}. */
    public static Optional<AdminResponse> tryRequestIn(Path adminDir, AdminRequest request)
            throws IOException, AdminProtocolException {
        Path socket = AdminSocketServer.socketIn(adminDir);
        if (Files.notExists(socket)) {
            return Optional.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
        try (channel) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                LOG.debug("No relay accepts on the admin socket: {}", e.getMessage());
                return Optional.empty();
            }
            CompletableFuture.runAsync(() -> AdminSocketServer.closeQuietly(channel),
                    CompletableFuture.delayedExecutor(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            ChannelIo.writeAll(channel, AdminCodec.encode(request));
            channel.shutdownOutput();
            try {
                return Optional.of(AdminCodec.decodeResponse(ChannelIo.readToEnd(channel, AdminCodec.MAX_RESPONSE_BYTES)));
            } catch (AsynchronousCloseException e) {
                throw new IOException("the relay did not answer on its admin socket within "
                        + ANSWER_TIMEOUT_SECONDS + " s", e);
            }
        }
    }

    /** Sends raw bytes as a request (for tests of malformed input) and decodes the answer. */
    static AdminResponse sendRaw(Path dataDir, byte[] request) throws IOException, AdminProtocolException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(AdminSocketServer.socketPath(dataDir)))) {
            ChannelIo.writeAll(channel, request);
            channel.shutdownOutput();
            return AdminCodec.decodeResponse(ChannelIo.readToEnd(channel, AdminCodec.MAX_RESPONSE_BYTES));
        }
    }
}
