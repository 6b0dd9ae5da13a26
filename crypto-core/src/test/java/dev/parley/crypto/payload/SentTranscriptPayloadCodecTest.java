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
 * READ_SYNC (code 42): u8 L || peer username (L) || u16 count || ids; CONVERSATION_SYNC (41) and CONTACT_SYNC (43);
 * layouts as in docs/protocol.md 1.7 and 1.18.
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

    @Test
    void conversationSyncRoundTripsForAPeerAndAGroupAndRefusesUnknownFlags() throws Exception {
        Payload.ConversationSync direct = new Payload.ConversationSync("bob", null, true, false);
        byte[] encoded = PayloadCodec.encode(direct);
        assertThat(Arrays.copyOfRange(encoded, 0, encoded.length)).containsExactly(1, 0, 41, 0, 0, 0, 5, 1, 3, 'b', 'o',
                'b');
        assertThat(PayloadCodec.decode(encoded)).isEqualTo(direct);
        dev.parley.crypto.group.GroupId group = new dev.parley.crypto.group.GroupId(ID);
        Payload.ConversationSync inGroup = new Payload.ConversationSync(null, group, false, true);
        byte[] groupEncoded = PayloadCodec.encode(inGroup);
        assertThat(groupEncoded[7]).isEqualTo((byte) 6);
        assertThat(Arrays.copyOfRange(groupEncoded, 8, 24)).isEqualTo(ID);
        assertThat(PayloadCodec.decode(groupEncoded)).isEqualTo(inGroup);
        byte[] unknownFlag = encoded.clone();
        unknownFlag[7] = 9;
        assertThatThrownBy(() -> PayloadCodec.decode(unknownFlag)).isInstanceOf(InvalidMessageException.class);
        byte[] trailing = ByteBuffer.allocate(encoded.length + 1).put(encoded).put((byte) 0).array();
        trailing[6] = 6;
        assertThatThrownBy(() -> PayloadCodec.decode(trailing)).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> new Payload.ConversationSync("bob", group, true, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contactSyncCarriesTheKeyExactlyForAddedAndVerified() throws Exception {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        Payload.ContactSync added = new Payload.ContactSync(Payload.ContactSync.Change.ADDED, "bob", key);
        byte[] encoded = PayloadCodec.encode(added);
        assertThat(Arrays.copyOfRange(encoded, 0, 12)).containsExactly(1, 0, 43, 0, 0, 0, 2 + 3 + 32, 1, 3, 'b', 'o',
                'b');
        assertThat(Arrays.copyOfRange(encoded, 12, encoded.length)).isEqualTo(key);
        assertThat(PayloadCodec.decode(encoded)).isEqualTo(added);
        Payload.ContactSync blocked = new Payload.ContactSync(Payload.ContactSync.Change.BLOCKED, "bob", null);
        byte[] blockedEncoded = PayloadCodec.encode(blocked);
        assertThat(blockedEncoded).hasSize(7 + 5);
        assertThat(PayloadCodec.decode(blockedEncoded)).isEqualTo(blocked);
        assertThatThrownBy(() -> new Payload.ContactSync(Payload.ContactSync.Change.VERIFIED, "bob", null))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] unknownChange = blockedEncoded.clone();
        unknownChange[7] = 8;
        assertThatThrownBy(() -> PayloadCodec.decode(unknownChange)).isInstanceOf(InvalidMessageException.class);
        byte[] keyMissing = blockedEncoded.clone();
        keyMissing[7] = 1;
        assertThatThrownBy(() -> PayloadCodec.decode(keyMissing)).isInstanceOf(InvalidMessageException.class);
    }

    private static byte[] wrap(String recipient, byte[] original) {
        byte[] name = recipient.getBytes(StandardCharsets.US_ASCII);
        int length = 1 + name.length + original.length;
        return ByteBuffer.allocate(7 + length).put((byte) 1).putShort((short) 40).putInt(length).put((byte) name.length)
                .put(name).put(original).array();
    }
}
