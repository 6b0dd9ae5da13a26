package dev.parley.crypto.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidMessageException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * SENT_TRANSCRIPT (code 40, issue #17): u8 L || recipient username (L) || the original payload's encoding; and
 * READ_SYNC (code 42): u8 L || peer username (L) || u16 count || ids; layouts as in docs/protocol.md 1.7 and 1.18.
 */
class SentTranscriptPayloadCodecTest {
    private static final byte[] ID = new byte[16];

    static {
        Arrays.fill(ID, (byte) 9);
    }

    @Test
    void roundTripsWithTheDocumentedLayout() throws Exception {
        Payload.Text text = new Payload.Text(new MessageId(ID), 42, "hi bob");
        byte[] original = PayloadCodec.encode(text);
        byte[] encoded = PayloadCodec.encode(new Payload.SentTranscript("bob", text));
        assertThat(Arrays.copyOfRange(encoded, 0, 7)).containsExactly(1, 0, 40, 0, 0, 0, 1 + 3 + original.length);
        assertThat(encoded[7]).isEqualTo((byte) 3);
        assertThat(new String(encoded, 8, 3, StandardCharsets.US_ASCII)).isEqualTo("bob");
        assertThat(Arrays.copyOfRange(encoded, 11, encoded.length)).isEqualTo(original);
        Payload.SentTranscript back = (Payload.SentTranscript) PayloadCodec.decode(encoded);
        assertThat(back.recipient()).isEqualTo("bob");
        assertThat(back.original()).isEqualTo(text);
    }

    @Test
    void aTranscriptOfATranscriptABadNameOrABrokenOriginalIsRefused() {
        Payload.Text text = new Payload.Text(new MessageId(ID), 42, "x");
        assertThatThrownBy(() -> new Payload.SentTranscript("bob", new Payload.SentTranscript("carol", text)))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] inner = PayloadCodec.encode(new Payload.SentTranscript("carol", text));
        assertThatThrownBy(() -> PayloadCodec.decode(wrap("bob", inner))).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> PayloadCodec.decode(wrap("Bob", PayloadCodec.encode(text))))
                .isInstanceOf(InvalidMessageException.class);
        byte[] truncated = PayloadCodec.encode(text);
        assertThatThrownBy(() -> PayloadCodec.decode(wrap("bob", Arrays.copyOf(truncated, truncated.length - 1))))
                .isInstanceOf(InvalidMessageException.class);
        byte[] unknownVersion = PayloadCodec.encode(text);
        unknownVersion[0] = 9;
        assertThatThrownBy(() -> PayloadCodec.decode(wrap("bob", unknownVersion)))
                .isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void readSyncRoundTripsWithTheDocumentedLayoutAndRefusesBadCounts() throws Exception {
        byte[] other = new byte[16];
        Payload.ReadSync sync = new Payload.ReadSync("bob", java.util.List.of(new MessageId(ID), new MessageId(other)));
        byte[] encoded = PayloadCodec.encode(sync);
        assertThat(Arrays.copyOfRange(encoded, 0, 7)).containsExactly(1, 0, 42, 0, 0, 0, 1 + 3 + 2 + 32);
        assertThat(Arrays.copyOfRange(encoded, 7, 13)).containsExactly(3, 'b', 'o', 'b', 0, 2);
        assertThat(Arrays.copyOfRange(encoded, 13, 29)).isEqualTo(ID);
        Payload.ReadSync back = (Payload.ReadSync) PayloadCodec.decode(encoded);
        assertThat(back.peer()).isEqualTo("bob");
        assertThat(back.ids()).isEqualTo(sync.ids());
        byte[] none = ByteBuffer.allocate(7 + 6).put((byte) 1).putShort((short) 42).putInt(6).put((byte) 3)
                .put("bob".getBytes(StandardCharsets.US_ASCII)).putShort((short) 0).array();
        assertThatThrownBy(() -> PayloadCodec.decode(none)).isInstanceOf(InvalidMessageException.class);
        byte[] cut = Arrays.copyOf(encoded, encoded.length - 1);
        cut[6] = (byte) (cut[6] - 1);
        assertThatThrownBy(() -> PayloadCodec.decode(cut)).isInstanceOf(InvalidMessageException.class);
    }

    private static byte[] wrap(String recipient, byte[] original) {
        byte[] name = recipient.getBytes(StandardCharsets.US_ASCII);
        int length = 1 + name.length + original.length;
        return ByteBuffer.allocate(7 + length).put((byte) 1).putShort((short) 40).putInt(length).put((byte) name.length)
                .put(name).put(original).array();
    }
}
