package dev.parley.crypto.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage-guided fuzzing of the frame codec, the first parser every relay and client runs on bytes from the network.
 * Without {@code JAZZER_FUZZ=1} each target runs only its inputs under {@code src/test/resources} (seeds and past
 * findings) as a regression pass; see docs/testing.md for the long run.
 *
 * <p>Properties, on every input and for both the CBOR wire form and the JSON form:
 * <ul>
 *   <li>only {@link FrameDecodeException} escapes {@code decode} and {@code decodeAll};</li>
 *   <li>the fast path agrees with the strict tree decoder: same envelope or same error code;</li>
 *   <li>a decoded envelope re-encodes canonically: {@code encode(decode(encode(e))) == encode(e)};</li>
 *   <li>{@code decodeAll} of one valid frame yields exactly that frame, and a valid frame put in front of any bytes
 *       is handed over before those bytes are judged.</li>
 * </ul>
 */
class FrameCodecFuzzTest {

    @FuzzTest
    void cborDecode(byte[] input) {
        check(FrameCodec.cbor(), input);
    }

    @FuzzTest
    void jsonDecode(byte[] input) {
        check(FrameCodec.json(), input);
    }

    static void check(FrameCodec codec, byte[] input) {
        Envelope fast = null;
        FrameDecodeException fastError = null;
        try {
            fast = codec.decode(input);
        } catch (FrameDecodeException e) {
            fastError = e;
        }
        Envelope strict = null;
        FrameDecodeException strictError = null;
        try {
            strict = codec.decodeStrict(input);
        } catch (FrameDecodeException e) {
            strictError = e;
        }
        if (strict == null) {
            assertThat(fast).as("fast path accepted a frame the strict decoder refuses (%s)",
                    strictError.code()).isNull();
            assertThat(fastError.code()).isEqualTo(strictError.code());
        } else {
            assertThat(fast).as("fast path refused a frame the strict decoder accepts").isNotNull();
            byte[] canonical = codec.encode(strict);
            assertThat(codec.encode(fast)).as("fast and strict decoders disagree").isEqualTo(canonical);
            assertRoundTrip(codec, canonical);
        }

        List<Envelope> all = new ArrayList<>();
        FrameDecodeException allError = null;
        try {
            codec.decodeAll(input, all::add);
        } catch (FrameDecodeException e) {
            allError = e;
        }
        if (strict != null) {
            assertThat(allError).as("decodeAll refused a single valid frame").isNull();
            assertThat(all).hasSize(1);
            assertThat(codec.encode(all.get(0))).isEqualTo(codec.encode(strict));
        }
        for (Envelope envelope : all) {
            assertRoundTrip(codec, codec.encode(envelope));
        }

        byte[] leader = codec.encode(Envelope.of(7, new Request.Ack(42)));
        byte[] joined = Arrays.copyOf(leader, leader.length + input.length);
        System.arraycopy(input, 0, joined, leader.length, input.length);
        List<Envelope> afterLeader = new ArrayList<>();
        try {
            codec.decodeAll(joined, afterLeader::add);
        } catch (FrameDecodeException e) {
            // The bytes after the leader may be bad; the leader must have been handed over first.
        }
        assertThat(afterLeader).isNotEmpty();
        assertThat(codec.encode(afterLeader.get(0))).isEqualTo(leader);
    }

    private static void assertRoundTrip(FrameCodec codec, byte[] canonical) {
        try {
            assertThat(codec.encode(codec.decode(canonical))).isEqualTo(canonical);
            assertThat(codec.encode(codec.decodeStrict(canonical))).isEqualTo(canonical);
        } catch (FrameDecodeException e) {
            throw new AssertionError("a frame this codec wrote does not decode: " + e.code(), e);
        }
    }
}
