package dev.parley.crypto.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.envelope.SealedSender;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiRecipientBlobTest {

    @Test
    void roundTripsHeaderAndBody() {
        MultiRecipientBlob blob = new MultiRecipientBlob(bytes(60, 1), bytes(300, 2));
        byte[] encoded = blob.encode();
        assertThat(encoded[0]).isEqualTo(MultiRecipientBlob.FORMAT);
        assertThat(MultiRecipientBlob.isMultiRecipient(encoded)).isTrue();
        MultiRecipientBlob back = MultiRecipientBlob.decode(encoded).orElseThrow();
        assertThat(back.header()).isEqualTo(blob.header());
        assertThat(back.body()).isEqualTo(blob.body());
    }

    @Test
    void isNeverMistakenForASealedEnvelope() {
        assertThat(MultiRecipientBlob.FORMAT).isNotEqualTo(SealedSender.VERSION);
        byte[] sealed = bytes(100, 3);
        sealed[0] = SealedSender.VERSION;
        assertThat(MultiRecipientBlob.isMultiRecipient(sealed)).isFalse();
        assertThat(MultiRecipientBlob.decode(sealed)).isEmpty();
    }

    @Test
    void malformedBlobsDecodeToEmpty() {
        byte[] good = new MultiRecipientBlob(bytes(10, 1), bytes(10, 2)).encode();
        for (byte[] bad : List.of(new byte[0], new byte[] {MultiRecipientBlob.FORMAT},
                Arrays.copyOf(good, 5), Arrays.copyOf(good, 15), withHeaderLength(good, 0),
                withHeaderLength(good, 20), withHeaderLength(good, -1), withHeaderLength(good, Integer.MAX_VALUE))) {
            assertThat(MultiRecipientBlob.decode(bad)).as("%d bytes", bad.length).isEmpty();
        }
    }

    @Test
    void multiSendRefusesDuplicateAndTooManyRecipients() {
        Request.MultiRecipient bob = new Request.MultiRecipient("bob", bytes(16, 1), bytes(5, 2));
        assertThatThrownBy(() -> new Request.SendMulti(List.of(bob, bob), bytes(5, 3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request.SendMulti(List.of(), bytes(5, 3)))
                .isInstanceOf(IllegalArgumentException.class);
        List<Request.MultiRecipient> many = java.util.stream.IntStream.rangeClosed(0, Request.MAX_MULTI_RECIPIENTS)
                .mapToObj(i -> new Request.MultiRecipient("u" + i, bytes(16, 1), bytes(5, 2))).toList();
        assertThatThrownBy(() -> new Request.SendMulti(many, bytes(5, 3))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Request.SendMulti(many.subList(0, Request.MAX_MULTI_RECIPIENTS), bytes(5, 3)).recipients())
                .hasSize(Request.MAX_MULTI_RECIPIENTS);
    }

    @Test
    void theHeaderPartFollowedByTheBodyIsTheBlob() {
        byte[] header = bytes(81, 4);
        byte[] body = bytes(300, 5);
        byte[] part = MultiRecipientBlob.headerPart(header);
        byte[] joined = Arrays.copyOf(part, part.length + body.length);
        System.arraycopy(body, 0, joined, part.length, body.length);
        assertThat(joined).isEqualTo(new MultiRecipientBlob(header, body).encode());
        assertThatThrownBy(() -> MultiRecipientBlob.headerPart(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] withHeaderLength(byte[] blob, int length) {
        byte[] copy = blob.clone();
        java.nio.ByteBuffer.wrap(copy).position(1).putInt(length);
        return copy;
    }

    private static byte[] bytes(int n, int fill) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) fill);
        return b;
    }
}
