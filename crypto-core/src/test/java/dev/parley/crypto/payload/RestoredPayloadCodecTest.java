package dev.parley.crypto.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidMessageException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RESTORED (code 28, issue #17): message id (16) || restoredAt (i64), layout as in docs/protocol.md 1.7. */
class RestoredPayloadCodecTest {
    private static final byte[] ID = new byte[16];

    static {
        Arrays.fill(ID, (byte) 7);
    }

    @Test
    void roundTripsWithTheDocumentedLayout() throws Exception {
        Payload.Restored restored = new Payload.Restored(new MessageId(ID), 0x0102030405060708L);
        byte[] encoded = PayloadCodec.encode(restored);
        assertThat(encoded).hasSize(7 + 24);
        assertThat(Arrays.copyOfRange(encoded, 0, 7)).containsExactly(1, 0, 28, 0, 0, 0, 24);
        assertThat(Arrays.copyOfRange(encoded, 7, 23)).isEqualTo(ID);
        assertThat(Arrays.copyOfRange(encoded, 23, 31)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        Payload back = PayloadCodec.decode(encoded);
        assertThat(back).isInstanceOf(Payload.Restored.class);
        assertThat(((Payload.Restored) back).id()).isEqualTo(restored.id());
        assertThat(((Payload.Restored) back).restoredAtMillis()).isEqualTo(restored.restoredAtMillis());
    }

    @Test
    void extraOrMissingBytesAreRefused() {
        byte[] encoded = PayloadCodec.encode(new Payload.Restored(new MessageId(ID), 5));
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        longer[6] = 25;
        assertThatThrownBy(() -> PayloadCodec.decode(longer)).isInstanceOf(InvalidMessageException.class);
        byte[] shorter = Arrays.copyOf(encoded, encoded.length - 1);
        shorter[6] = 23;
        assertThatThrownBy(() -> PayloadCodec.decode(shorter)).isInstanceOf(InvalidMessageException.class);
    }
}
