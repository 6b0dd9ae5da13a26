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
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Invite links, join-request proofs and the settings flags (docs/protocol.md 1.15.5): encodings round-trip in their
 * one form, a proof binds the secret, the group and the joiner, and only an admin's SETTINGS change applies.
 */
class GroupInvitesTest {
    private final CryptoProvider sodium = CryptoProviders.libsodium();
    private final CryptoProvider bouncy = CryptoProviders.bouncyCastle();
    private final DeterministicRandom random = new DeterministicRandom(15);
    private final GroupId id = GroupId.random(random);
    private final byte[] secret = bytes(16);
    private final IdentityKeyPair aliceKey = IdentityKeyPair.generate(sodium, random);
    private final IdentityKeyPair bobKey = IdentityKeyPair.generate(sodium, random);
    private final GroupState created = new GroupState(id, 1, "Climbing ♞", "", 0, secret, List.of(
            new GroupMember("alice", GroupRole.ADMIN), new GroupMember("bob", GroupRole.MEMBER)));

    @Test
    void aLinkRoundTripsAndAnythingElseIsRefused() throws Exception {
        GroupInviteLink link = new GroupInviteLink(id, secret, "alice", "Climbing ♞");
        String text = link.encode();
        assertThat(text).startsWith("parley://join/").doesNotContain("=");
        assertThat(GroupInviteLink.parse(text)).isEqualTo(link);
        assertThat(link.toString()).doesNotContain(java.util.HexFormat.of().formatHex(secret));
        byte[] raw = Base64.getUrlDecoder().decode(text.substring(GroupInviteLink.PREFIX.length()));
        for (String bad : List.of("parley://add/" + text.substring(14), text + "AA", text.substring(0, text.length() - 3),
                GroupInviteLink.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(withFirst(raw, 2)),
                GroupInviteLink.PREFIX + Base64.getUrlEncoder().encodeToString(raw), "parley://join/***")) {
            assertThatThrownBy(() -> GroupInviteLink.parse(bad)).as(bad).isInstanceOf(InvalidMessageException.class);
        }
    }

    @Test
    void aProofVerifiesOnlyForItsSecretGroupAndJoinerAndNeverEqualsTheSecret() {
        byte[] proof = GroupInviteLink.proof(sodium, id, secret, "carol");
        assertThat(proof).hasSize(32).isNotEqualTo(secret);
        assertThat(GroupInviteLink.verify(bouncy, id, secret, "carol", proof)).isTrue();
        assertThat(GroupInviteLink.verify(sodium, id, bytes(16), "carol", proof)).as("wrong secret").isFalse();
        assertThat(GroupInviteLink.verify(sodium, id, new byte[0], "carol", proof)).as("link revoked").isFalse();
        assertThat(GroupInviteLink.verify(sodium, id, secret, "dave", proof)).as("another joiner").isFalse();
        assertThat(GroupInviteLink.verify(sodium, GroupId.random(random), secret, "carol", proof)).isFalse();
    }

    @Test
    void aJoinRequestPayloadRoundTrips() throws Exception {
        Payload.GroupJoinRequest request = new Payload.GroupJoinRequest(id, GroupInviteLink.proof(sodium, id, secret,
                "carol"));
        assertThat(PayloadCodec.decode(PayloadCodec.encode(request))).isEqualTo(request);
        assertThat(request.typeCode()).isEqualTo(35);
    }

    @Test
    void flagsAreEncodedOnlyWhenSetAndOnlyAnAdminChangesThem() throws Exception {
        assertThat(GroupCodec.encodeState(created.withFlags(1, 0))).isEqualTo(GroupCodec.encodeState(created));
        GroupState announcements = created.withFlags(2, GroupState.FLAG_ANNOUNCEMENTS | GroupState.FLAG_APPROVAL);
        byte[] encoded = GroupCodec.encodeState(announcements);
        assertThat(GroupCodec.decodeState(encoded)).isEqualTo(announcements);
        assertThat(GroupCodec.decodeState(encoded).announcementsOnly()).isTrue();
        byte[] zeroFlag = java.util.Arrays.copyOf(GroupCodec.encodeState(created), encoded.length);
        assertThatThrownBy(() -> GroupCodec.decodeState(zeroFlag)).isInstanceOf(InvalidMessageException.class);
        encoded[encoded.length - 1] = 4;
        assertThatThrownBy(() -> GroupCodec.decodeState(encoded)).isInstanceOf(InvalidMessageException.class);

        GroupChange byAdmin = GroupChange.sign(sodium, aliceKey, "alice", GroupAction.SETTINGS, List.of(),
                announcements);
        Optional<GroupTransitions.Held> held = Optional.of(new GroupTransitions.Held(created, null, new byte[32]));
        assertThat(GroupTransitions.decide(held, byAdmin, byAdmin.hash(sodium), "bob"))
                .isEqualTo(GroupTransitions.Verdict.APPLY);
        assertThat(GroupCodec.decodeChange(GroupCodec.encodeChange(byAdmin))).isEqualTo(byAdmin);
        GroupChange byMember = GroupChange.sign(sodium, bobKey, "bob", GroupAction.SETTINGS, List.of(), announcements);
        assertThat(GroupTransitions.decide(held, byMember, byMember.hash(sodium), "alice"))
                .isEqualTo(GroupTransitions.Verdict.DROP);
        GroupChange renamedToo = GroupChange.sign(sodium, aliceKey, "alice", GroupAction.SETTINGS, List.of(),
                announcements.with(null, "Other", null, null, null, null));
        assertThat(GroupTransitions.decide(held, renamedToo, renamedToo.hash(sodium), "bob"))
                .as("a settings change touches nothing else").isEqualTo(GroupTransitions.Verdict.DROP);
    }

    private byte[] bytes(int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    private static byte[] withFirst(byte[] raw, int version) {
        byte[] copy = raw.clone();
        copy[0] = (byte) version;
        return copy;
    }
}
