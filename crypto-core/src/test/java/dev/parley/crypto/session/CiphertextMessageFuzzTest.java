package dev.parley.crypto.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;

/**
 * Coverage-guided fuzzing of the ratchet message formats ({@link RatchetMessage}, {@link PreKeyRatchetMessage}),
 * parsed from every envelope a client opens. Regression pass in {@code mvn verify}; long run in docs/testing.md.
 *
 * <p>Properties: only {@link InvalidMessageException} and {@link UnsupportedVersionException} escape; an accepted
 * encoding is canonical (serializing the parsed message gives back exactly the input bytes), and the fields read from
 * it are the ones at the documented offsets.
 */
class CiphertextMessageFuzzTest {

    @FuzzTest
    void deserialize(byte[] input) {
        CiphertextMessage message;
        try {
            message = CiphertextMessage.deserialize(input);
        } catch (InvalidMessageException | UnsupportedVersionException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        assertThat(message.serialize()).as("accepted encodings are canonical").isEqualTo(input);
        RatchetMessage ratchet;
        if (message instanceof PreKeyRatchetMessage prekey) {
            assertThat(input[1]).isEqualTo(CiphertextMessage.TYPE_PREKEY);
            assertThat(prekey.prefix()).hasSize(PreKeyRatchetMessage.PREFIX_BYTES);
            assertThat(prekey.oneTimePreKeyId().isPresent()).isEqualTo(input[70] == 1);
            ratchet = prekey.message();
        } else {
            assertThat(input[1]).isEqualTo(CiphertextMessage.TYPE_RATCHET);
            ratchet = (RatchetMessage) message;
        }
        assertThat(ratchet.counter()).isNotNegative();
        assertThat(ratchet.previousCounter()).isNotNegative();
        assertThat(ratchet.ratchetKey()).hasSize(32);
        assertThat(ratchet.ciphertext().length).isGreaterThanOrEqualTo(RatchetMessage.MIN_CIPHERTEXT_BYTES);
    }
}
