package dev.parley.relay.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.nio.transport.TCPNIOServerConnection;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #16: the first read of a connection (its request head, which an upgraded WebSocket keeps for life) reaches
 * the HTTP codec in an array of its own, not as a slice of a pooled read array; later reads go through as read.
 * Runs over a real Grizzly TCP transport on loopback, with the filter where the relay puts it (right before the
 * codec, here a filter that notes what it is given).
 */
class FirstReadCopyFilterTest {
    /** What the filter after {@link FirstReadCopyFilter} was given: the bytes, and the array holding them. */
    private record Read(String text, int arrayLength, int arrayOffset) {
    }

    private final BlockingQueue<Read> reads = new LinkedBlockingQueue<>();
    private TCPNIOTransport transport;
    private int port;

    @BeforeEach
    void start() throws IOException {
        FilterChainBuilder chain = FilterChainBuilder.stateless()
                .add(new TransportFilter())
                .add(new FirstReadCopyFilter())
                .add(new BaseFilter() {
                    @Override
                    public NextAction handleRead(FilterChainContext ctx) {
                        Buffer read = ctx.getMessage();
                        reads.add(new Read(read.toStringContent(StandardCharsets.US_ASCII), read.array().length,
                                read.arrayOffset()));
                        return ctx.getStopAction();
                    }
                });
        transport = TCPNIOTransportBuilder.newInstance().build();
        transport.setProcessor(chain.build());
        TCPNIOServerConnection server = transport.bind("127.0.0.1", 0);
        transport.start();
        port = ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    @AfterEach
    void stop() throws IOException {
        transport.shutdownNow();
    }

    @Test
    void theFirstReadOfEachConnectionHoldsOnlyItsOwnBytesAndLaterReadsPassAsRead() throws Exception {
        String head = "GET /parley HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Read first = next();
            assertThat(first.text()).isEqualTo(head);
            assertThat(first.arrayOffset()).isZero();
            assertThat(first.arrayLength()).as("the first read pins only its own bytes").isEqualTo(head.length());

            out.write("later".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Read later = next();
            assertThat(later.text()).isEqualTo("later");
            assertThat(later.arrayLength()).as("a later read is the transport's own buffer, not copied")
                    .isGreaterThan("later".length());
        }
        try (Socket second = new Socket("127.0.0.1", port)) {
            second.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            second.getOutputStream().flush();
            assertThat(next().arrayLength()).as("every connection's first read is copied").isEqualTo(head.length());
        }
    }

    private Read next() throws InterruptedException {
        Read read = reads.poll(10, TimeUnit.SECONDS);
        assertThat(read).as("a read reached the codec").isNotNull();
        return read;
    }
}
