package dev.parley.crypto.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.payload.GroupStateAnswer;
import dev.parley.crypto.payload.GroupStateRequest;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.payload.PayloadCodec;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resynchronisation payloads (issue #15, docs/protocol.md 1.15.2): GROUP_STATE_REQUEST (36) and GROUP_STATE (37), a
 * group's state signed by an admin for the member that asked.
 */
class GroupSnapshotTest {
    private final CryptoProvider crypto = CryptoProviders.preferred();
    private final IdentityKeyPair aliceKey = IdentityKeyPair.generate(crypto, crypto.random());
    private final IdentityKeyPair malloryKey = IdentityKeyPair.generate(crypto, crypto.random());
    private final GroupState state = new GroupState(GroupId.fromHex("0102030405060708090a0b0c0d0e0f10"), 4, "Climbers",
            "", 3600, null, List.of(new GroupMember("alice", GroupRole.ADMIN), new GroupMember("bob", GroupRole.ADMIN),
                    new GroupMember("carol", GroupRole.MEMBER)));
    private final byte[] hash = filled(32, 9);

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void aSnapshotRoundTripsAndVerifiesOnlyUnderItsAuthorsKeyAndExactlyAsSigned() throws Exception {
        GroupSnapshot snapshot = GroupSnapshot.sign(crypto, aliceKey, "alice", "carol", state, hash);
        Payload back = PayloadCodec.decode(PayloadCodec.encode(new GroupStateAnswer(snapshot)));
        assertThat(back).isEqualTo(new GroupStateAnswer(snapshot));
        GroupSnapshot decoded = ((GroupStateAnswer) back).snapshot();
        decoded.verify(crypto, aliceKey.publicKey());
        assertThatThrownBy(() -> decoded.verify(crypto, malloryKey.publicKey()))
                .isInstanceOf(InvalidMessageException.class);
        GroupSnapshot forOther = new GroupSnapshot("alice", "dave", state, hash, snapshot.signature());
        assertThatThrownBy(() -> forOther.verify(crypto, aliceKey.publicKey())).as("bound to the requester")
                .isInstanceOf(InvalidMessageException.class);
        GroupSnapshot older = new GroupSnapshot("alice", "carol", state.with(3L, null, null, null, null, null), hash,
                snapshot.signature());
        assertThatThrownBy(() -> older.verify(crypto, aliceKey.publicKey())).isInstanceOf(InvalidMessageException.class);
        byte[] encoded = GroupCodec.encodeSnapshot(snapshot);
        assertThat(encoded[0]).isEqualTo(GroupCodec.SNAPSHOT_VERSION);
        byte[] flipped = encoded.clone();
        flipped[flipped.length - 1] ^= 1;
        assertThatThrownBy(() -> GroupCodec.decodeSnapshot(flipped).verify(crypto, aliceKey.publicKey()))
                .isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void malformedSnapshotsDoNotDecode() throws Exception {
        byte[] encoded = GroupCodec.encodeSnapshot(GroupSnapshot.sign(crypto, aliceKey, "alice", "carol", state, hash));
        assertThatThrownBy(() -> GroupCodec.decodeSnapshot(Arrays.copyOf(encoded, encoded.length - 1)))
                .isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> GroupCodec.decodeSnapshot(Arrays.copyOf(encoded, encoded.length + 1)))
                .isInstanceOf(InvalidMessageException.class);
        byte[] version = encoded.clone();
        version[0] = 2;
        assertThatThrownBy(() -> GroupCodec.decodeSnapshot(version)).isInstanceOf(InvalidMessageException.class);
        byte[] badName = encoded.clone();
        badName[2] = '!';
        assertThatThrownBy(() -> GroupCodec.decodeSnapshot(badName)).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void aStateRequestIsTheGroupIdAndTheHeldRevision() throws Exception {
        GroupStateRequest request = new GroupStateRequest(state.id(), 0x0102030405060708L);
        byte[] encoded = PayloadCodec.encode(request);
        assertThat(Arrays.copyOfRange(encoded, 0, 7)).containsExactly(1, 0, 36, 0, 0, 0, 24);
        assertThat(Arrays.copyOfRange(encoded, 7, 23)).isEqualTo(state.id().bytes());
        assertThat(Arrays.copyOfRange(encoded, 23, 31)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(PayloadCodec.decode(encoded)).isEqualTo(request);
        byte[] zero = encoded.clone();
        Arrays.fill(zero, 23, 31, (byte) 0);
        assertThatThrownBy(() -> PayloadCodec.decode(zero)).isInstanceOf(InvalidMessageException.class);
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        longer[6] = 25;
        assertThatThrownBy(() -> PayloadCodec.decode(longer)).isInstanceOf(InvalidMessageException.class);
    }
}
