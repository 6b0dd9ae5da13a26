package dev.parley.relay.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The guard's header scanner follows frames across reads of any size (finding 17, issue 11). */
class FrameHeaderScannerTest {
    private static byte[] frame(int first, boolean masked, int length) {
        ByteBuffer b = ByteBuffer.allocate(14 + length).put((byte) first);
        int mask = masked ? 0x80 : 0;
        if (length < 126) {
            b.put((byte) (mask | length));
        } else if (length < 65536) {
            b.put((byte) (mask | 126)).putShort((short) length);
        } else {
            b.put((byte) (mask | 127)).putLong(length);
        }
        if (masked) {
            b.putInt(0x11223344);
        }
        b.put(new byte[length]);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    private static FrameHeaderScanner.Violation feedByteByByte(FrameHeaderScanner scanner, byte[] stream) {
        for (int i = 0; i < stream.length; i++) {
            FrameHeaderScanner.Violation v = scanner.scan(index -> stream[index], i, i + 1);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void maskedFramesUpToTheLimitPassWhateverTheReadSizes() {
        byte[] stream = concat(frame(0x82, true, 10), frame(0x89, true, 3), frame(0x02, true, 300),
                frame(0x80, true, 700), frame(0x82, true, 1000));
        assertThat(feedByteByByte(new FrameHeaderScanner(1000), stream)).isNull();
        assertThat(new FrameHeaderScanner(1000).scan(index -> stream[index], 0, stream.length)).isNull();
    }

    @Test
    void refusals() {
        assertThat(feedByteByByte(new FrameHeaderScanner(1000), frame(0x82, false, 5)))
                .isEqualTo(FrameHeaderScanner.Violation.UNMASKED);
        assertThat(feedByteByByte(new FrameHeaderScanner(1000), frame(0x82, true, 1001)))
                .isEqualTo(FrameHeaderScanner.Violation.TOO_BIG);
        assertThat(feedByteByByte(new FrameHeaderScanner(1000), concat(frame(0x02, true, 600), frame(0x80, true, 401))))
                .isEqualTo(FrameHeaderScanner.Violation.TOO_BIG);
        assertThat(feedByteByByte(new FrameHeaderScanner(1000), frame(0x89, true, 126)))
                .isEqualTo(FrameHeaderScanner.Violation.BAD_CONTROL_FRAME);
        assertThat(feedByteByByte(new FrameHeaderScanner(1000), frame(0x09, true, 1)))
                .isEqualTo(FrameHeaderScanner.Violation.BAD_CONTROL_FRAME);
        byte[] huge = ByteBuffer.allocate(14).put((byte) 0x82).put((byte) 0xff).putLong(Long.MIN_VALUE).putInt(1).array();
        assertThat(feedByteByByte(new FrameHeaderScanner(1000), huge)).isEqualTo(FrameHeaderScanner.Violation.TOO_BIG);
    }
}
