package dev.parley.relay.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A loopback port that was free a moment ago (the engines bind it themselves, so callers retry on a clash). */
final class FreePort {
    private FreePort() {
    }

    static int find() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
