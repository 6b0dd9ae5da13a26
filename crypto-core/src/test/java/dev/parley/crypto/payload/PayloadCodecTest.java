package dev.parley.crypto.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.testing.DeterministicRandom;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadCodecTest {
    private final DeterministicRandom random = new DeterministicRandom(3);

    @Test
    void everyKnownTypeRoundTrips() throws Exception {
        MessageId a = MessageId.random(random);
        MessageId b = MessageId.random(random);
        List<Payload> payloads = List.of(new Payload.Text(a, 1_700_000_000_000L, "héllo 👋"),
                new Payload.Text(b, 0, ""), new Payload.DeliveryReceipt(List.of(a, b)),
                new Payload.ReadReceipt(List.of(b)), new Payload.TypingStarted(), new Payload.TypingStopped(),
                new Payload.Reaction(a, "👍", false), new Payload.Reaction(b, "👩‍👩‍👧", true),
                new Payload.Edit(a, 1_700_000_000_001L, "héllo again"), new Payload.Delete(b, 1_700_000_000_002L),
                new Payload.Text(b, 5, "a reply", a, 0), new Payload.Text(b, 6, "with a timer", null, 3600),
                new Payload.Text(b, 7, "", a, 0xFFFF_FFFFL), new Payload.TimerUpdate(30, 8), new Payload.TimerUpdate(0, 9));
        for (Payload payload : payloads) {
            assertThat(PayloadCodec.decode(PayloadCodec.encode(payload))).isEqualTo(payload);
        }
    }

    @Test
    void textLayoutIsAsDocumented() {
        byte[] id = new byte[16];
        id[0] = 9;
        byte[] encoded = PayloadCodec.encode(new Payload.Text(new MessageId(id), 258, "A"));
        ByteBuffer in = ByteBuffer.wrap(encoded);
        assertThat(in.get()).isEqualTo((byte) 1);
        assertThat(in.getShort()).isEqualTo((short) 1);
        assertThat(in.getInt()).isEqualTo(16 + 8 + 1);
        assertThat(encoded[7]).isEqualTo((byte) 9);
        assertThat(in.getLong(7 + 16)).isEqualTo(258);
        assertThat(encoded[encoded.length - 1]).isEqualTo((byte) 'A');
    }

    @Test
    void reactionLayoutIsAsDocumented() {
        byte[] id = new byte[16];
        id[0] = 7;
        byte[] encoded = PayloadCodec.encode(new Payload.Reaction(new MessageId(id), "👍", true));
        ByteBuffer in = ByteBuffer.wrap(encoded);
        assertThat(in.get()).isEqualTo((byte) 1);
        assertThat(in.getShort()).isEqualTo((short) 18);
        assertThat(in.getInt()).isEqualTo(16 + 1 + 4);
        assertThat(encoded[7]).isEqualTo((byte) 7);
        assertThat(encoded[7 + 16]).isEqualTo((byte) 1);
        assertThat(new String(encoded, 7 + 17, 4, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("👍");
    }

    @Test
    void malformedReactionsAreTypedErrors() {
        MessageId target = MessageId.random(random);
        byte[] unknownFlag = PayloadCodec.encode(new Payload.Reaction(target, "👍", false));
        unknownFlag[7 + 16] = 2;
        assertThatThrownBy(() -> PayloadCodec.decode(unknownFlag)).isInstanceOf(InvalidMessageException.class);
        byte[] kilobyte = ByteBuffer.allocate(7 + 17 + 1024).put((byte) 1).putShort((short) 18).putInt(17 + 1024)
                .put(new byte[17]).put("x".repeat(1024).getBytes(java.nio.charset.StandardCharsets.UTF_8)).array();
        assertThatThrownBy(() -> PayloadCodec.decode(kilobyte)).isInstanceOf(InvalidMessageException.class);
        byte[] empty = ByteBuffer.allocate(7 + 17).put((byte) 1).putShort((short) 18).putInt(17).put(new byte[17]).array();
        assertThatThrownBy(() -> PayloadCodec.decode(empty)).isInstanceOf(InvalidMessageException.class);
        byte[] truncated = ByteBuffer.allocate(7 + 10).put((byte) 1).putShort((short) 18).putInt(10).put(new byte[10]).array();
        assertThatThrownBy(() -> PayloadCodec.decode(truncated)).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> new Payload.Reaction(target, "x".repeat(65), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void editAndDeleteLayoutsAreAsDocumented() {
        byte[] id = new byte[16];
        id[0] = 5;
        ByteBuffer edit = ByteBuffer.wrap(PayloadCodec.encode(new Payload.Edit(new MessageId(id), 259, "B")));
        assertThat(edit.get()).isEqualTo((byte) 1);
        assertThat(edit.getShort()).isEqualTo((short) 17);
        assertThat(edit.getInt()).isEqualTo(16 + 8 + 1);
        assertThat(edit.get(7)).isEqualTo((byte) 5);
        assertThat(edit.getLong(7 + 16)).isEqualTo(259);
        assertThat(edit.get(7 + 24)).isEqualTo((byte) 'B');
        ByteBuffer delete = ByteBuffer.wrap(PayloadCodec.encode(new Payload.Delete(new MessageId(id), 260)));
        assertThat(delete.get()).isEqualTo((byte) 1);
        assertThat(delete.getShort()).isEqualTo((short) 19);
        assertThat(delete.getInt()).isEqualTo(16 + 8);
        assertThat(delete.getLong(7 + 16)).isEqualTo(260);
    }

    @Test
    void malformedEditsAndDeletesAreTypedErrors() {
        byte[] emptyEdit = ByteBuffer.allocate(7 + 24).put((byte) 1).putShort((short) 17).putInt(24).array();
        assertThatThrownBy(() -> PayloadCodec.decode(emptyEdit)).isInstanceOf(InvalidMessageException.class);
        byte[] longDelete = ByteBuffer.allocate(7 + 25).put((byte) 1).putShort((short) 19).putInt(25).array();
        assertThatThrownBy(() -> PayloadCodec.decode(longDelete)).isInstanceOf(InvalidMessageException.class);
        byte[] shortDelete = ByteBuffer.allocate(7 + 20).put((byte) 1).putShort((short) 19).putInt(20).array();
        assertThatThrownBy(() -> PayloadCodec.decode(shortDelete)).isInstanceOf(InvalidMessageException.class);
        byte[] badUtf8 = ByteBuffer.allocate(7 + 25).put((byte) 1).putShort((short) 17).putInt(25).put(new byte[24])
                .put((byte) 0xC3).array();
        assertThatThrownBy(() -> PayloadCodec.decode(badUtf8)).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void richTextLayoutIsAsDocumentedAndPlainTextStaysText() {
        byte[] id = new byte[16];
        id[0] = 3;
        byte[] quoted = new byte[16];
        quoted[0] = 4;
        ByteBuffer reply = ByteBuffer.wrap(PayloadCodec.encode(
                new Payload.Text(new MessageId(id), 261, "C", new MessageId(quoted), 30)));
        assertThat(reply.get()).isEqualTo((byte) 1);
        assertThat(reply.getShort()).isEqualTo((short) 20);
        assertThat(reply.getInt()).isEqualTo(16 + 8 + 1 + 16 + 4 + 1);
        assertThat(reply.get(7)).isEqualTo((byte) 3);
        assertThat(reply.getLong(7 + 16)).isEqualTo(261);
        assertThat(reply.get(7 + 24)).isEqualTo((byte) 1);
        assertThat(reply.get(7 + 25)).isEqualTo((byte) 4);
        assertThat(reply.getInt(7 + 41)).isEqualTo(30);
        assertThat(reply.get(7 + 45)).isEqualTo((byte) 'C');
        assertThat(PayloadCodec.encode(new Payload.Text(new MessageId(id), 1, "plain", null, 0))[2]).isEqualTo((byte) 1);
        ByteBuffer timer = ByteBuffer.wrap(PayloadCodec.encode(new Payload.TimerUpdate(604_800, 262)));
        assertThat(timer.getShort(1)).isEqualTo((short) 21);
        assertThat(timer.getInt(3)).isEqualTo(12);
        assertThat(timer.getInt(7)).isEqualTo(604_800);
        assertThat(timer.getLong(11)).isEqualTo(262);
    }

    @Test
    void malformedRichTextsAndTimersAreTypedErrors() {
        byte[] plainAsRich = ByteBuffer.allocate(7 + 29).put((byte) 1).putShort((short) 20).putInt(29).array();
        assertThatThrownBy(() -> PayloadCodec.decode(plainAsRich)).isInstanceOf(InvalidMessageException.class);
        byte[] unknownFlag = ByteBuffer.allocate(7 + 29).put((byte) 1).putShort((short) 20).putInt(29)
                .put(new byte[24]).put((byte) 2).putInt(30).array();
        assertThatThrownBy(() -> PayloadCodec.decode(unknownFlag)).isInstanceOf(InvalidMessageException.class);
        byte[] missingQuote = ByteBuffer.allocate(7 + 29).put((byte) 1).putShort((short) 20).putInt(29)
                .put(new byte[24]).put((byte) 1).putInt(30).array();
        assertThatThrownBy(() -> PayloadCodec.decode(missingQuote)).isInstanceOf(InvalidMessageException.class);
        byte[] longTimer = ByteBuffer.allocate(7 + 13).put((byte) 1).putShort((short) 21).putInt(13).array();
        assertThatThrownBy(() -> PayloadCodec.decode(longTimer)).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void unknownTypesAreSkippedSafely() throws Exception {
        byte[] future = ByteBuffer.allocate(7 + 5).put((byte) 1).putShort((short) 15).putInt(5).put(new byte[5]).array();
        assertThat(PayloadCodec.decode(future)).isEqualTo(new Payload.Unknown(15));
        byte[] unassigned = ByteBuffer.allocate(7).put((byte) 1).putShort((short) 999).putInt(0).array();
        assertThat(PayloadCodec.decode(unassigned)).isEqualTo(new Payload.Unknown(999));
        assertThatThrownBy(() -> PayloadCodec.encode(new Payload.Unknown(15))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownVersionIsATypedError() {
        byte[] encoded = PayloadCodec.encode(new Payload.TypingStarted());
        encoded[0] = 2;
        assertThatThrownBy(() -> PayloadCodec.decode(encoded)).isInstanceOf(UnsupportedVersionException.class);
    }

    @Test
    void malformedBodiesAreTypedErrors() {
        byte[] text = PayloadCodec.encode(new Payload.Text(MessageId.random(random), 1, "abc"));
        byte[][] bad = {
            new byte[0],
            java.util.Arrays.copyOf(text, 10),
            java.util.Arrays.copyOf(text, text.length + 1),
            ByteBuffer.allocate(8).put((byte) 1).putShort((short) 4).putInt(1).put((byte) 0).array(),
            ByteBuffer.allocate(9).put((byte) 1).putShort((short) 2).putInt(2).putShort((short) 0).array(),
            ByteBuffer.allocate(7 + 16 + 8 + 1).put((byte) 1).putShort((short) 1).putInt(25).put(new byte[24])
                    .put((byte) 0xFF).array(),
        };
        for (byte[] b : bad) {
            assertThatThrownBy(() -> PayloadCodec.decode(b)).isInstanceOf(InvalidMessageException.class);
        }
    }

    @Test
    void oversizedValuesAreRefusedAtConstruction() {
        MessageId id = MessageId.random(random);
        assertThatThrownBy(() -> new Payload.Text(id, 0, "x".repeat(Payload.MAX_TEXT_BYTES + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Payload.ReadReceipt(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
