package dev.parley.crypto.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.payload.PayloadCodec;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.testing.DeterministicRandom;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules members apply to group changes (docs/protocol.md 1.15.2), and their encoding. */
class GroupTransitionsTest {
    private final CryptoProvider crypto = CryptoProviders.libsodium();
    private final DeterministicRandom random = new DeterministicRandom(7);
    private final IdentityKeyPair aliceKey = IdentityKeyPair.generate(crypto, random);
    private final IdentityKeyPair bobKey = IdentityKeyPair.generate(crypto, random);
    private final GroupId id = GroupId.random(random);
    private final GroupState created = new GroupState(id, 1, "Climbing", "", 0, null, List.of(
            new GroupMember("alice", GroupRole.ADMIN), new GroupMember("bob", GroupRole.MEMBER),
            new GroupMember("carol", GroupRole.MEMBER)));
    private final GroupChange create = change(aliceKey, "alice", GroupAction.CREATE, List.of("bob", "carol"), created);

    private GroupChange change(IdentityKeyPair key, String author, GroupAction action, List<String> subjects,
            GroupState state) {
        return GroupChange.sign(crypto, key, author, action, subjects, state);
    }

    private GroupTransitions.Verdict decide(GroupState current, GroupState previous, GroupChange held,
            GroupChange change) {
        Optional<GroupTransitions.Held> local = current == null ? Optional.empty()
                : Optional.of(new GroupTransitions.Held(current, previous, held == null ? new byte[32]
                        : held.hash(crypto)));
        return GroupTransitions.decide(local, change, change.hash(crypto), "carol");
    }

    @Test
    void aCreationNamingMeIsAcceptedAndTheNextRevisionFromAnAdminApplies() {
        assertThat(decide(null, null, null, create)).isEqualTo(GroupTransitions.Verdict.APPLY);
        GroupState renamed = created.with(2L, "Bouldering", null, null, null, null);
        assertThat(decide(created, null, create, change(aliceKey, "alice", GroupAction.RENAME, List.of(), renamed)))
                .isEqualTo(GroupTransitions.Verdict.APPLY);
    }

    @Test
    void aChangeByANonAdminIsDroppedButLeavingOneselfIsNot() {
        GroupState renamed = created.with(2L, "Hijacked", null, null, null, null);
        assertThat(decide(created, null, create, change(bobKey, "bob", GroupAction.RENAME, List.of(), renamed)))
                .isEqualTo(GroupTransitions.Verdict.DROP);
        GroupState withoutCarol = created.with(2L, null, null, null, null, created.members().subList(0, 2));
        assertThat(decide(created, null, create,
                change(bobKey, "bob", GroupAction.REMOVE, List.of("carol"), withoutCarol)))
                .isEqualTo(GroupTransitions.Verdict.DROP);
        GroupState bobLeft = GroupTransitions.afterLeaving(created, "bob");
        assertThat(decide(created, null, create, change(bobKey, "bob", GroupAction.LEAVE, List.of("bob"), bobLeft)))
                .isEqualTo(GroupTransitions.Verdict.APPLY);
        assertThat(bobLeft.usernames()).containsExactly("alice", "carol");
    }

    @Test
    void whenTheLastAdminLeavesTheFirstRemainingMemberBecomesAdmin() {
        GroupState aliceLeft = GroupTransitions.afterLeaving(created, "alice");
        assertThat(aliceLeft.isAdmin("bob")).isTrue();
        assertThat(aliceLeft.isAdmin("carol")).isFalse();
        assertThat(GroupTransitions.isValid(created,
                change(aliceKey, "alice", GroupAction.LEAVE, List.of("alice"), aliceLeft))).isTrue();
    }

    @Test
    void skippedAndRepeatedRevisionsAreDropped() {
        GroupState skipped = created.with(3L, "Skipped", null, null, null, null);
        assertThat(decide(created, null, create, change(aliceKey, "alice", GroupAction.RENAME, List.of(), skipped)))
                .isEqualTo(GroupTransitions.Verdict.DROP);
        assertThat(decide(created, null, create, create)).isEqualTo(GroupTransitions.Verdict.DROP);
    }

    @Test
    void aStateThatDoesNotMatchTheActionIsDropped() {
        GroupState sneaky = new GroupState(id, 2, "Renamed", "", 0, null, List.of(
                new GroupMember("alice", GroupRole.ADMIN), new GroupMember("bob", GroupRole.ADMIN),
                new GroupMember("carol", GroupRole.MEMBER)));
        assertThat(decide(created, null, create, change(aliceKey, "alice", GroupAction.RENAME, List.of(), sneaky)))
                .isEqualTo(GroupTransitions.Verdict.DROP);
    }

    @Test
    void concurrentChangesResolveToTheLowerHashWhicheverArrivesFirst() {
        GroupState promoted = new GroupState(id, 1, "Climbing", "", 0, null, List.of(
                new GroupMember("alice", GroupRole.ADMIN), new GroupMember("bob", GroupRole.ADMIN),
                new GroupMember("carol", GroupRole.MEMBER)));
        GroupChange promote = change(aliceKey, "alice", GroupAction.PROMOTE, List.of("bob"),
                promoted.with(2L, null, null, null, null, null));
        GroupState base = promoted.with(2L, null, null, null, null, null);
        GroupChange fromAlice = change(aliceKey, "alice", GroupAction.RENAME, List.of(),
                base.with(3L, "Alice's name", null, null, null, null));
        GroupChange fromBob = change(bobKey, "bob", GroupAction.RENAME, List.of(),
                base.with(3L, "Bob's name", null, null, null, null));
        assertThat(decide(promoted, null, null, promote)).isEqualTo(GroupTransitions.Verdict.APPLY);

        GroupState orderOne = converge(base, promote, fromAlice, fromBob);
        GroupState orderTwo = converge(base, promote, fromBob, fromAlice);
        assertThat(orderOne).isEqualTo(orderTwo);
        boolean aliceWins = java.util.Arrays.compareUnsigned(fromAlice.hash(crypto), fromBob.hash(crypto)) < 0;
        assertThat(orderOne.title()).isEqualTo(aliceWins ? "Alice's name" : "Bob's name");
    }

    /** Applies two concurrent changes in this order and returns the state a member ends with. */
    private GroupState converge(GroupState base, GroupChange baseChange, GroupChange first, GroupChange second) {
        assertThat(decide(base, null, baseChange, first)).isEqualTo(GroupTransitions.Verdict.APPLY);
        GroupTransitions.Verdict verdict = decide(first.state(), base, first, second);
        assertThat(verdict).isIn(GroupTransitions.Verdict.REPLACE, GroupTransitions.Verdict.DROP);
        return verdict == GroupTransitions.Verdict.REPLACE ? second.state() : first.state();
    }

    @Test
    void aGroupOfMoreThanAThousandIsRefusedEverywhere() {
        List<GroupMember> members = new ArrayList<>();
        members.add(new GroupMember("alice", GroupRole.ADMIN));
        for (int i = 1; i < GroupState.MAX_MEMBERS; i++) {
            members.add(new GroupMember("user" + i, GroupRole.MEMBER));
        }
        GroupState thousand = new GroupState(id, 1, "Big", "", 0, null, members);
        byte[] encoded = GroupCodec.encodeState(thousand);
        assertThat(encoded.length).isLessThan(65_000);
        members.add(new GroupMember("one-too-many", GroupRole.MEMBER));
        assertThatThrownBy(() -> new GroupState(id, 1, "Big", "", 0, null, members))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] tooMany = GroupCodec.encodeState(thousand);
        int countOffset = tooMany.length - thousandMembersBytes(thousand) - 2;
        ByteBuffer.wrap(tooMany).putShort(countOffset, (short) 1001);
        assertThatThrownBy(() -> GroupCodec.decodeState(tooMany)).isInstanceOf(InvalidMessageException.class);
        GroupState added = thousand.with(2L, null, null, null, null, null);
        GroupChange addOne = change(aliceKey, "alice", GroupAction.ADD, List.of("one-too-many"), added);
        assertThat(GroupTransitions.isValid(thousand, addOne)).isFalse();
    }

    private static int thousandMembersBytes(GroupState state) {
        return state.members().stream().mapToInt(m -> 2 + m.username().length()).sum();
    }

    @Test
    void changesRoundTripThroughThePayloadCodecAndForgedSignaturesFail() throws Exception {
        Payload decoded = PayloadCodec.decode(PayloadCodec.encode(new Payload.GroupUpdate(create)));
        GroupChange back = ((Payload.GroupUpdate) decoded).change();
        assertThat(back).isEqualTo(create);
        back.verify(crypto, aliceKey.publicKey());
        assertThatThrownBy(() -> back.verify(crypto, bobKey.publicKey())).isInstanceOf(InvalidMessageException.class);
        GroupChange claimsAlice = change(bobKey, "alice", GroupAction.CREATE, List.of("bob", "carol"), created);
        assertThatThrownBy(() -> claimsAlice.verify(crypto, aliceKey.publicKey()))
                .isInstanceOf(InvalidMessageException.class);
        byte[] bytes = GroupCodec.encodeChange(create);
        bytes[bytes.length - 70] ^= 1;
        assertThatThrownBy(() -> GroupCodec.decodeChange(bytes).verify(crypto, aliceKey.publicKey()))
                .isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> GroupCodec.decodeChange(new byte[] {1, 99})).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void aNewMemberAcceptsTheAdditionThatNamesIt() {
        GroupState withoutCarol = new GroupState(id, 4, "Climbing", "", 0, null, List.of(
                new GroupMember("alice", GroupRole.ADMIN), new GroupMember("bob", GroupRole.MEMBER)));
        GroupState withCarol = withoutCarol.with(5L, null, null, null, null, created.members());
        assertThat(decide(null, null, null, change(aliceKey, "alice", GroupAction.ADD, List.of("carol"), withCarol)))
                .isEqualTo(GroupTransitions.Verdict.APPLY);
        assertThat(decide(null, null, null, change(bobKey, "bob", GroupAction.ADD, List.of("carol"), withCarol)))
                .isEqualTo(GroupTransitions.Verdict.DROP);
    }
}
