package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.FrameCodec;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Finding 17 (security review, issue 11): bad input at the WebSocket layer, from a client on a bare socket with
 * hand-built frames, against the real relay. Each case gets a close frame with its documented code, one log line at
 * most and no stack trace, and the relay keeps serving everyone else.
 */
class RawFrameTest {
    private static final FrameCodec CODEC = FrameCodec.cbor();
    private static final int MAX_FRAME = 64 * 1024;
    /** The largest message the relay reads: a lone send_multi frame may take this much (RelayConfig#maxMessageBytes). */
    private static final int MAX_MESSAGE = RelayConfig.defaults().withMaxFrameBytes(MAX_FRAME).maxMessageBytes();
    private static final Duration IDLE = Duration.ofMillis(600);

    private RelayServer relay;
    private ListAppender<ILoggingEvent> logs;
    private Logger root;

    @BeforeEach
    void start() throws Exception {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        relay = RelayServer.start(RelayConfig.defaults().withPort(0).withMaxFrameBytes(MAX_FRAME).withIdleTimeout(IDLE),
                Clock.systemUTC(), CryptoProviders.preferred());
    }

    @AfterEach
    void stop() {
        relay.close();
        root.detachAppender(logs);
    }

    private RawWebSocket connect() throws Exception {
        RawWebSocket ws = RawWebSocket.connect(relay.uri());
        RawWebSocket.Frame first = ws.readFrame();
        assertThat(CODEC.decode(first.payload()).frame()).isInstanceOf(Push.Challenge.class);
        return ws;
    }

    private static byte[] fetchBundle() {
        return CODEC.encode(Envelope.of(7, new Request.FetchBundle("alice")));
    }

    /** The relay still answers a well-formed masked frame on a fresh connection. */
    private void othersStillServed() throws Exception {
        try (RawWebSocket ws = connect()) {
            ws.sendFrame(RawWebSocket.OP_BINARY, true, true, fetchBundle());
            Envelope answer = CODEC.decode(ws.readFrame().payload());
            assertThat(answer.requestId()).isEqualTo(7);
            assertThat(answer.frame()).isInstanceOf(Response.ErrorResponse.class);
        }
    }

    private List<ILoggingEvent> warnings() {
        return logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
    }

    @Test
    void aMaskedFrameFromARawClientIsAnswered() throws Exception {
        othersStillServed();
    }

    @Test
    void aMessageOverTheLimitClosesWith1009AndOneLogLineWithoutATrace() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (RawWebSocket ws = connect()) {
                ws.sendFrame(RawWebSocket.OP_BINARY, true, true, new byte[MAX_MESSAGE + MAX_FRAME]);
                RawWebSocket.Frame close = ws.awaitCloseFrame();
                assertThat(close).as("a close frame, not a dropped connection").isNotNull();
                assertThat(close.closeCode()).isEqualTo(1009);
                assertThat(ws.closedByPeer()).isTrue();
            }
        }
        assertThat(warnings()).as("one line for three refusals (rate-limited)").hasSize(1);
        assertThat(warnings().get(0).getFormattedMessage()).contains("code=1009");
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
        othersStillServed();
    }

    @Test
    void aDeclaredLengthOf2To63ClosesWith1009() throws Exception {
        try (RawWebSocket ws = connect()) {
            ByteBuffer header = ByteBuffer.allocate(14).put((byte) 0x82).put((byte) (0x80 | 127))
                    .putLong(Long.MIN_VALUE).putInt(0x01020304);
            ws.sendBytes(header.array());
            RawWebSocket.Frame close = ws.awaitCloseFrame();
            assertThat(close).isNotNull();
            assertThat(close.closeCode()).isEqualTo(1009);
        }
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
        othersStillServed();
    }

    @Test
    void fragmentsAddingUpToMoreThanTheLimitCloseWith1009() throws Exception {
        try (RawWebSocket ws = connect()) {
            ws.sendFrame(RawWebSocket.OP_BINARY, false, true, new byte[MAX_MESSAGE / 2]);
            ws.sendFrame(RawWebSocket.OP_CONTINUATION, false, true, new byte[MAX_MESSAGE / 2]);
            ws.sendFrame(RawWebSocket.OP_CONTINUATION, true, true, new byte[MAX_FRAME]);
            RawWebSocket.Frame close = ws.awaitCloseFrame();
            assertThat(close).isNotNull();
            assertThat(close.closeCode()).isEqualTo(1009);
        }
        othersStillServed();
    }

    @Test
    void anUnmaskedFrameIsNotProcessedAndClosesWith1002() throws Exception {
        try (RawWebSocket ws = connect()) {
            ws.sendFrame(RawWebSocket.OP_BINARY, true, false, fetchBundle());
            RawWebSocket.Frame next = ws.readFrame();
            assertThat(next.opcode()).as("no answer to the unmasked request, only the close").isEqualTo(RawWebSocket.OP_CLOSE);
            assertThat(next.closeCode()).isEqualTo(1002);
            assertThat(ws.closedByPeer()).isTrue();
        }
        othersStillServed();
    }

    @Test
    void anUnmaskedPingClosesWith1002() throws Exception {
        try (RawWebSocket ws = connect()) {
            ws.sendFrame(RawWebSocket.OP_PING, true, false, new byte[] {1});
            RawWebSocket.Frame next = ws.readFrame();
            assertThat(next.opcode()).isEqualTo(RawWebSocket.OP_CLOSE);
            assertThat(next.closeCode()).isEqualTo(1002);
        }
    }

    @Test
    void aSilentConnectionGetsACloseFrameWith1001AfterTheIdleTimeout() throws Exception {
        long start = System.nanoTime();
        try (RawWebSocket ws = connect()) {
            RawWebSocket.Frame close = ws.awaitCloseFrame();
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(close).as("a close frame, not a dropped connection").isNotNull();
            assertThat(close.closeCode()).isEqualTo(1001);
            assertThat(close.closeReason()).isEqualTo("idle timeout");
            assertThat(elapsedMillis).isGreaterThanOrEqualTo(IDLE.toMillis());
        }
    }

    @Test
    void pingsKeepAConnectionOpenPastTheIdleTimeout() throws Exception {
        try (RawWebSocket ws = connect()) {
            for (int i = 0; i < 8; i++) {
                ws.sendFrame(RawWebSocket.OP_PING, true, true, new byte[] {(byte) i});
                RawWebSocket.Frame pong = ws.readFrame();
                assertThat(pong.opcode()).isEqualTo(RawWebSocket.OP_PONG);
                Thread.sleep(IDLE.toMillis() / 3);
            }
            ws.sendFrame(RawWebSocket.OP_BINARY, true, true, fetchBundle());
            assertThat(CODEC.decode(ws.readFrame().payload()).requestId()).isEqualTo(7);
        }
    }
}
