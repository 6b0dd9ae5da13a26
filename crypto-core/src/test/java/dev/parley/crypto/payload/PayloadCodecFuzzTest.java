package dev.parley.crypto.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;

/**
 * Coverage-guided fuzzing of what a decrypted ratchet message holds: the padding and the payload codec. The sender
 * authenticated these bytes, but the sender is any registered user, so they are untrusted. Regression pass in
 * {@code mvn verify}; long run in docs/testing.md.
 *
 * <p>Properties: only {@link InvalidMessageException} and {@link UnsupportedVersionException} escape; unknown and
 * reserved type codes decode to {@link Payload.Unknown} with that code; a decoded known payload encodes back to
 * exactly the input (one encoding per payload); padding round-trips.
 */
class PayloadCodecFuzzTest {

    @FuzzTest
    void decode(byte[] input) {
        Payload payload;
        try {
            payload = PayloadCodec.decode(input);
        } catch (InvalidMessageException | UnsupportedVersionException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        if (payload instanceof Payload.Unknown unknown) {
            // Unknown and reserved (not yet implemented) codes are skipped by receivers, never an error.
            assertThat(unknown.typeCode()).isEqualTo(((input[1] & 0xff) << 8) | (input[2] & 0xff));
            assertThat(PayloadType.fromCode(unknown.typeCode()).map(t -> t.code() >= 16).orElse(true)).isTrue();
            return;
        }
        assertThat(PayloadCodec.encode(payload)).as("decode(x) encodes back to x").isEqualTo(input);
    }

    @FuzzTest
    void unpad(byte[] input) {
        byte[] content;
        try {
            content = Padding.unpad(input);
        } catch (InvalidMessageException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        assertThat(content.length).isLessThan(input.length);
        if (input.length <= Padding.MAX_PADDED_BYTES) {
            byte[] repadded = Padding.pad(content);
            try {
                assertThat(Padding.unpad(repadded)).isEqualTo(content);
            } catch (InvalidMessageException e) {
                throw new AssertionError("padding written by pad() does not unpad", e);
            }
        }
    }
}
