package dev.parley.relay.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** Reads a whole message (until the peer shuts its output) with a size bound, and writes one. */
final class ChannelIo {
    private ChannelIo() {
    }

    /** Reads until end of stream; stops at {@code limit + 1} bytes so oversized input is detected without buffering it. */
    static byte[] readToEnd(SocketChannel channel, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (out.size() <= limit) {
            buffer.clear();
            int read = channel.read(buffer);
            if (read < 0) {
                break;
            }
            out.write(buffer.array(), 0, read);
        }
        return out.toByteArray();
    }

    static void writeAll(SocketChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
