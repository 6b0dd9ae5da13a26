package dev.parley.crypto.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameBatcherTest {

    @Test
    void framesWaitingTogetherLeaveAsOneMessageInOrder() {
        FrameBatcher batcher = new FrameBatcher(100);
        batcher.add(bytes(10, 1));
        batcher.add(bytes(20, 2));
        batcher.add(bytes(30, 3));
        byte[] message = batcher.nextMessage();
        assertThat(message).hasSize(60);
        assertThat(message[0]).isEqualTo((byte) 1);
        assertThat(message[10]).isEqualTo((byte) 2);
        assertThat(message[30]).isEqualTo((byte) 3);
        assertThat(batcher.isEmpty()).isTrue();
    }

    @Test
    void messagesNeverExceedTheLimitUnlessOneFrameAloneDoes() {
        FrameBatcher batcher = new FrameBatcher(100);
        batcher.add(bytes(60, 1));
        batcher.add(bytes(50, 2));
        batcher.add(bytes(150, 3));
        batcher.add(bytes(40, 4));
        batcher.add(bytes(60, 5));
        List<Integer> sizes = new ArrayList<>();
        while (!batcher.isEmpty()) {
            sizes.add(batcher.nextMessage().length);
        }
        assertThat(sizes).containsExactly(60, 50, 150, 100);
    }

    @Test
    void theDefaultLimitIsTheWireLimitAndCodecOutputSurvivesTheTrip() throws Exception {
        FrameCodec codec = FrameCodec.cbor();
        FrameBatcher batcher = new FrameBatcher();
        List<Envelope> sent = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            Envelope e = Envelope.of(i, new Request.Send("bob", FrameCodecTest.filled(16, i), FrameCodecTest.filled(200, i)));
            sent.add(e);
            batcher.add(codec.encode(e));
        }
        List<Envelope> received = new ArrayList<>();
        int messages = 0;
        while (!batcher.isEmpty()) {
            byte[] message = batcher.nextMessage();
            assertThat(message.length).isLessThanOrEqualTo(FrameCodec.MAX_COALESCED_BYTES);
            codec.decodeAll(message, received::add);
            messages++;
        }
        assertThat(messages).isBetween(3, 5);
        assertThat(received).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(sent);
    }

    @Test
    void emptyFramesAndEmptyQueuesAreProgrammingErrors() {
        FrameBatcher batcher = new FrameBatcher();
        assertThatThrownBy(() -> batcher.add(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(batcher::nextMessage).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] bytes(int length, int value) {
        return FrameCodecTest.filled(length, value);
    }
}
