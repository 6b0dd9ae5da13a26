package dev.parley.crypto.wire;

import static dev.parley.crypto.wire.FrameCodecTest.filled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Several frames in one WebSocket message: {@link FrameCodec#decodeAll} and {@link FrameCodec#encodeAll}. */
class CoalescedFramesTest {
    private static final List<Envelope> THREE = List.of(
            Envelope.of(1, new Request.Send("bob", filled(16, 1), filled(200, 2))),
            Envelope.of(2, new Request.Ack(77)),
            Envelope.push(new Push.Deliver(5, 99, filled(120, 3))));

    static Stream<Arguments> codecs() {
        return FrameCodecTest.codecs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void framesOfOneMessageAreHandledInOrder(String name, FrameCodec codec) throws Exception {
        List<Envelope> back = new ArrayList<>();
        codec.decodeAll(codec.encodeAll(THREE), back::add);
        assertThat(back).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(THREE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void decodeRefusesAMessageOfSeveralFrames(String name, FrameCodec codec) {
        Throwable t = catchThrowable(() -> codec.decode(codec.encodeAll(THREE)));
        assertThat(t).isInstanceOf(FrameDecodeException.class);
        assertThat(((FrameDecodeException) t).code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void aBadFrameStopsTheMessageAfterTheGoodOnesBeforeIt(String name, FrameCodec codec) throws Exception {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(codec.encode(THREE.get(0)));
        message.writeBytes(raw(codec, "{\"v\":2,\"id\":9,\"type\":\"ack\",\"body\":{\"messageId\":\"x\"}}"));
        message.writeBytes(codec.encode(THREE.get(1)));
        List<Envelope> handled = new ArrayList<>();
        Throwable t = catchThrowable(() -> codec.decodeAll(message.toByteArray(), handled::add));
        assertThat(handled).hasSize(1);
        assertThat(handled.get(0).requestId()).isEqualTo(1);
        assertThat(t).isInstanceOf(FrameDecodeException.class);
        assertThat(((FrameDecodeException) t).code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(((FrameDecodeException) t).requestId()).isEqualTo(9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void garbageAfterGoodFramesIsMalformed(String name, FrameCodec codec) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(codec.encode(THREE.get(1)));
        message.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 0x01});
        List<Envelope> handled = new ArrayList<>();
        Throwable t = catchThrowable(() -> codec.decodeAll(message.toByteArray(), handled::add));
        assertThat(handled).hasSize(1);
        assertThat(((FrameDecodeException) t).code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void aFrameWithItsKeysInAnotherOrderIsStillDecodedAndSoIsTheNextOne(String name, FrameCodec codec) throws Exception {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(raw(codec, "{\"body\":{\"messageId\":5},\"type\":\"ack\",\"id\":4,\"v\":2}"));
        message.writeBytes(codec.encode(THREE.get(0)));
        List<Envelope> handled = new ArrayList<>();
        codec.decodeAll(message.toByteArray(), handled::add);
        assertThat(handled).hasSize(2);
        assertThat(handled.get(0).requestId()).isEqualTo(4);
        assertThat(handled.get(0).frame()).isEqualTo(new Request.Ack(5));
        assertThat(handled.get(1)).usingRecursiveComparison().isEqualTo(THREE.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void duplicateKeysAreRefusedOnEveryPath(String name, FrameCodec codec) {
        byte[] dup = codec == FrameCodec.json()
                ? "{\"v\":2,\"id\":4,\"id\":5,\"type\":\"ack\",\"body\":{\"messageId\":5}}".getBytes(StandardCharsets.UTF_8)
                : cborWithDuplicateId();
        assertThat(catchThrowable(() -> codec.decode(dup))).isInstanceOf(FrameDecodeException.class);
        assertThat(catchThrowable(() -> codec.decodeAll(dup, e -> { }))).isInstanceOf(FrameDecodeException.class);
    }

    /**
     * Mutation fuzz of the fast path: for a one-frame message, {@code decodeAll} must agree with {@code decode} (the
     * strict tree decoder) on every mutated input: the same envelope, or the same error code and request id.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void theFastPathAgreesWithTheStrictDecoderOnMutatedFrames(String name, FrameCodec codec) {
        Random random = new Random(20261122);
        List<byte[]> seeds = new ArrayList<>();
        FrameCodecTest.everyFrame().forEach(f -> seeds.add(codec.encode(Envelope.of(7, f))));
        int agreedFailures = 0;
        for (int i = 0; i < 6_000; i++) {
            byte[] bytes = seeds.get(random.nextInt(seeds.size())).clone();
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            Object single = outcome(() -> codec.decode(bytes));
            List<Envelope> handled = new ArrayList<>();
            Object all = outcome(() -> {
                codec.decodeAll(bytes, handled::add);
                return handled.size() == 1 ? handled.get(0) : handled;
            });
            if (single instanceof Envelope) {
                assertThat(all).as("mutation %d", i).usingRecursiveComparison().isEqualTo(single);
            } else if (all instanceof Envelope) {
                throw new AssertionError("mutation " + i + ": the sequence decoder accepted a frame the strict decoder"
                        + " refuses (" + single + ")");
            } else if (handled.isEmpty() && !"MALFORMED_FRAME/0".equals(single)) {
                // Where decode gave up before reading a header (MALFORMED_FRAME/0, e.g. trailing bytes after a
                // shortened map) a sequence decoder legitimately reads on; everywhere else both must agree exactly.
                assertThat(all).as("mutation %d", i).isEqualTo(single);
                agreedFailures++;
            }
        }
        assertThat(agreedFailures).isGreaterThan(300);
    }

    @Test
    void encodeAllIsTheConcatenationOfTheFrames() {
        FrameCodec codec = FrameCodec.cbor();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        THREE.forEach(e -> expected.writeBytes(codec.encode(e)));
        assertThat(codec.encodeAll(THREE)).isEqualTo(expected.toByteArray());
    }

    private interface Decoding {
        Object run() throws Exception;
    }

    /** The decoded value, or "code/requestId" of the failure; anything but a FrameDecodeException fails the test. */
    private static Object outcome(Decoding decoding) {
        try {
            return decoding.run();
        } catch (FrameDecodeException e) {
            return e.code() + "/" + e.requestId();
        } catch (Exception e) {
            throw new AssertionError("decoding threw " + e, e);
        }
    }

    private static byte[] raw(FrameCodec codec, String json) throws Exception {
        if (codec == FrameCodec.json()) {
            return json.getBytes(StandardCharsets.UTF_8);
        }
        return new CBORMapper().writeValueAsBytes(new ObjectMapper().readTree(json));
    }

    /** A CBOR map of 5 pairs with "id" twice (CBORMapper would not write one). */
    private static byte[] cborWithDuplicateId() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xa5);
        text(out, "v");
        out.write(0x01);
        text(out, "id");
        out.write(0x04);
        text(out, "id");
        out.write(0x05);
        text(out, "type");
        text(out, "ack");
        text(out, "body");
        out.write(0xa1);
        text(out, "messageId");
        out.write(0x05);
        return out.toByteArray();
    }

    private static void text(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(0x60 + b.length);
        out.writeBytes(b);
    }
}
