package dev.parley.crypto.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidMessageException;
import org.junit.jupiter.api.Test;

/** PRESENCE (code 25, issue #14): one flags byte, layout as documented in PayloadCodec and docs/protocol.md. */
class PresencePayloadCodecTest {

    @Test
    void everyFlagCombinationRoundTrips() throws Exception {
        for (boolean online : new boolean[] {false, true}) {
            for (boolean reply : new boolean[] {false, true}) {
                Payload.Presence presence = new Payload.Presence(online, reply);
                assertThat(PayloadCodec.decode(PayloadCodec.encode(presence))).isEqualTo(presence);
            }
        }
    }

    @Test
    void layoutIsAsDocumented() {
        byte[] encoded = PayloadCodec.encode(new Payload.Presence(true, true));
        assertThat(encoded).containsExactly(1, 0, 25, 0, 0, 0, 1, 3);
        assertThat(PayloadCodec.encode(new Payload.Presence(false, false))).containsExactly(1, 0, 25, 0, 0, 0, 1, 0);
    }

    @Test
    void unknownFlagsAndExtraOrMissingBytesAreRefused() {
        assertThatThrownBy(() -> PayloadCodec.decode(new byte[] {1, 0, 25, 0, 0, 0, 1, 4}))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("presence flags");
        assertThatThrownBy(() -> PayloadCodec.decode(new byte[] {1, 0, 25, 0, 0, 0, 2, 1, 0}))
                .isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> PayloadCodec.decode(new byte[] {1, 0, 25, 0, 0, 0, 0}))
                .isInstanceOf(InvalidMessageException.class);
    }
}
