package dev.parley.bench.device;

import dev.parley.desktop.net.RelayAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP forwarder on 127.0.0.1 in front of the relay that counts the bytes each way: what one client puts on the
 * wire (WebSocket frames and HTTP upgrade included; plain {@code ws://} on loopback, so no TLS records). A client
 * whose relay address is {@link #address()} is measured; the relay sees it as any other connection.
 */
final class CountingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicLong up = new AtomicLong();
    private final AtomicLong down = new AtomicLong();
    private final Thread acceptor;

    CountingProxy(URI relay) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), relay.getPort());
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "bench-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The relay's address through this proxy. */
    RelayAddress address() {
        return new RelayAddress(URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/parley"), Optional.empty());
    }

    /** Bytes from the client to the relay so far. */
    long up() {
        return up.get();
    }

    /** Bytes from the relay to the client so far. */
    long down() {
        return down.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket relay = new Socket(target.getAddress(), target.getPort());
                client.setTcpNoDelay(true);
                relay.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(relay);
                pump(client, relay, up, "bench-proxy-up");
                pump(relay, client, down, "bench-proxy-down");
            } catch (IOException e) {
                return;                 // closed
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicLong counter, String name) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                    counter.addAndGet(n);
                }
            } catch (IOException e) {
                // one side closed: close the other below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(CountingProxy::closeQuietly);
    }
}
