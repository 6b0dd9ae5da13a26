package dev.parley.crypto.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.group.GroupCodec;
import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.GroupMember;
import dev.parley.crypto.group.GroupRole;
import dev.parley.crypto.group.GroupState;
import dev.parley.crypto.group.SenderKeyDistribution;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The group payloads of linked devices (issue #17, docs/protocol.md 1.7 and 1.18): GROUP_TRANSCRIPT (44) = group id ||
 * original payload; GROUP_READ_SYNC (45) = group id || u16 count || ids; GROUP_SYNC (46) = u8 flags || change hash ||
 * state; SENDER_KEY_SYNC (47) = u8 L || sender || u32 device || distribution.
 */
class GroupSyncPayloadCodecTest {
    private static final GroupId GROUP = new GroupId(filled(16, 3));
    private static final MessageId ID = new MessageId(filled(16, 9));

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] body(byte[] encoded) {
        return Arrays.copyOfRange(encoded, 7, encoded.length);
    }

    @Test
    void aGroupTranscriptRoundTripsWithTheDocumentedLayoutAndCarriesOnlyGroupKinds() throws Exception {
        Payload.Text text = new Payload.Text(ID, 42, "hi group");
        byte[] encoded = PayloadCodec.encode(new GroupTranscript(GROUP, text));
        assertThat(Arrays.copyOfRange(encoded, 0, 3)).containsExactly(1, 0, 44);
        assertThat(body(encoded)).startsWith(GROUP.bytes()).endsWith(PayloadCodec.encode(text));
        assertThat(PayloadCodec.decode(encoded)).isEqualTo(new GroupTranscript(GROUP, text));

        assertThatThrownBy(() -> new GroupTranscript(GROUP, new Payload.TypingStarted()))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] typing = PayloadCodec.encode(new Payload.TypingStarted());
        byte[] forged = new byte[7 + 16 + typing.length];
        System.arraycopy(encoded, 0, forged, 0, 3);
        java.nio.ByteBuffer.wrap(forged, 3, 4).putInt(16 + typing.length);
        System.arraycopy(GROUP.bytes(), 0, forged, 7, 16);
        System.arraycopy(typing, 0, forged, 23, typing.length);
        assertThatThrownBy(() -> PayloadCodec.decode(forged)).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void aGroupReadSyncRoundTripsAndRefusesABadCount() throws Exception {
        GroupReadSync sync = new GroupReadSync(GROUP, List.of(ID, new MessageId(filled(16, 1))));
        byte[] encoded = PayloadCodec.encode(sync);
        assertThat(Arrays.copyOfRange(encoded, 0, 3)).containsExactly(1, 0, 45);
        assertThat(body(encoded)).hasSize(16 + 2 + 32).startsWith(GROUP.bytes());
        assertThat(((GroupReadSync) PayloadCodec.decode(encoded)).ids()).containsExactlyElementsOf(sync.ids());
        byte[] wrongCount = encoded.clone();
        wrongCount[7 + 16 + 1] = 3;
        assertThatThrownBy(() -> PayloadCodec.decode(wrongCount)).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void aGroupSyncAndASenderKeySyncRoundTripWithTheDocumentedLayout() throws Exception {
        GroupState state = new GroupState(GROUP, 4, "Climbing", "", 0, null, List.of(
                new GroupMember("alice", GroupRole.ADMIN), new GroupMember("bob", GroupRole.MEMBER)));
        GroupSync sync = new GroupSync(state, filled(32, 7), true);
        byte[] encoded = PayloadCodec.encode(sync);
        assertThat(Arrays.copyOfRange(encoded, 0, 3)).containsExactly(1, 0, 46);
        assertThat(encoded[7]).isEqualTo((byte) 1);
        assertThat(Arrays.copyOfRange(encoded, 8, 40)).isEqualTo(filled(32, 7));
        assertThat(Arrays.copyOfRange(encoded, 40, encoded.length)).isEqualTo(GroupCodec.encodeState(state));
        assertThat(PayloadCodec.decode(encoded)).isEqualTo(sync);
        byte[] unknownFlag = encoded.clone();
        unknownFlag[7] = 2;
        assertThatThrownBy(() -> PayloadCodec.decode(unknownFlag)).isInstanceOf(InvalidMessageException.class);

        SenderKeyDistribution key = new SenderKeyDistribution(GROUP, 5, 12, filled(32, 4), filled(32, 6));
        byte[] keySync = PayloadCodec.encode(new SenderKeySync("bob", 2, key));
        assertThat(Arrays.copyOfRange(keySync, 0, 3)).containsExactly(1, 0, 47);
        assertThat(keySync[7]).isEqualTo((byte) 3);
        assertThat(new String(keySync, 8, 3, StandardCharsets.US_ASCII)).isEqualTo("bob");
        assertThat(Arrays.copyOfRange(keySync, 11, 15)).containsExactly(0, 0, 0, 2);
        assertThat(Arrays.copyOfRange(keySync, 15, keySync.length)).isEqualTo(key.serialize());
        SenderKeySync back = (SenderKeySync) PayloadCodec.decode(keySync);
        assertThat(back.sender()).isEqualTo("bob");
        assertThat(back.senderDevice()).isEqualTo(2);
        assertThat(back.distribution()).isEqualTo(key);
        byte[] deviceZero = keySync.clone();
        deviceZero[14] = 0;
        assertThatThrownBy(() -> PayloadCodec.decode(deviceZero)).isInstanceOf(InvalidMessageException.class);
    }
}
