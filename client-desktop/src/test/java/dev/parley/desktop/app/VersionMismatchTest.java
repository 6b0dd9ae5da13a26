package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.FrameCodec;
import dev.parley.crypto.wire.Push;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.net.RelayLink;
import dev.parley.desktop.service.RelayRejectedException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Migration (issue #11): a Parley 0.2 client meeting a Parley 0.1 relay gets one clear sentence and stops; no hang,
 * no retry loop. The "0.1 relay" is a minimal WebSocket server that sends what a 0.1 relay sends first: a challenge
 * in frame version 1.
 */
class VersionMismatchTest {
    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void registeringWithAVersionOneRelaySaysSoInOneSentence() throws Exception {
        try (OldRelay old = new OldRelay()) {
            ParleyApp app = network.open("alice");
            app.account().create("alice", new RelayAddress(old.uri(), Optional.empty()), TestNetwork.PASSPHRASE.clone());
            assertThatThrownBy(() -> app.account().register(Optional.empty()))
                    .isInstanceOf(RelayRejectedException.class).hasMessage(RelayLink.VERSION_MISMATCH);
            assertThat(old.connections.get()).isEqualTo(1);
        }
    }

    /** Accepts WebSocket connections and sends each one a version-1 challenge, then waits for the client to close. */
    private static final class OldRelay implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        final AtomicInteger connections = new AtomicInteger();
        private final Thread thread = new Thread(this::serve, "old-relay");

        OldRelay() throws Exception {
            thread.setDaemon(true);
            thread.start();
        }

        URI uri() {
            return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/parley");
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    connections.incrementAndGet();
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                    String key = null;
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-key:")) {
                            key = line.substring(line.indexOf(':') + 1).trim();
                        }
                    }
                    String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                            (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] frame = versionOneChallenge();
                    out.write(new byte[] {(byte) 0x82, 126, (byte) (frame.length >>> 8), (byte) frame.length});
                    out.write(frame);
                    out.flush();
                    socket.setSoTimeout(10_000);
                    while (socket.getInputStream().read() >= 0) {
                        // until the client closes
                    }
                } catch (Exception e) {
                    // the test closed the server, or the client went away
                }
            }
        }

        /** A challenge exactly as encoded today, with the envelope's version set to 1 (what Parley 0.1 sent). */
        private static byte[] versionOneChallenge() {
            byte[] bytes = FrameCodec.cbor().encode(Envelope.push(new Push.Challenge(new byte[16], new byte[32],
                    System.currentTimeMillis() + 60_000, new byte[32])));
            for (int i = 0; i + 2 < bytes.length; i++) {
                if (bytes[i] == 0x61 && bytes[i + 1] == 'v' && bytes[i + 2] == Envelope.CURRENT_VERSION) {
                    bytes[i + 2] = 1;
                    return bytes;
                }
            }
            throw new AssertionError("no version field found");
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(5000);
        }
    }
}
