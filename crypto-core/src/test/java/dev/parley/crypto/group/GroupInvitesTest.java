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
    void aLinkNamingSeveralAdminsRoundTripsAsVersionTwoAndOneEncodingPerLinkHolds() throws Exception {
        GroupInviteLink one = new GroupInviteLink(id, secret, List.of("alice"), "Climbing");
        GroupInviteLink three = new GroupInviteLink(id, secret, List.of("alice", "bob", "carol"), "Climbing");
        byte[] v1 = Base64.getUrlDecoder().decode(one.encode().substring(GroupInviteLink.PREFIX.length()));
        byte[] v2 = Base64.getUrlDecoder().decode(three.encode().substring(GroupInviteLink.PREFIX.length()));
        assertThat(v1[0]).as("one admin: the version-1 link as before").isEqualTo((byte) 1);
        assertThat(one).isEqualTo(new GroupInviteLink(id, secret, "alice", "Climbing"));
        assertThat(v2[0]).isEqualTo((byte) 2);
        assertThat(v2[33]).as("admin count after the secret").isEqualTo((byte) 3);
        GroupInviteLink parsed = GroupInviteLink.parse(three.encode());
        assertThat(parsed).isEqualTo(three);
        assertThat(parsed.admins()).containsExactly("alice", "bob", "carol");
        assertThat(parsed.admin()).isEqualTo("alice");

        // version 2 naming one admin is not that link's one encoding; four admins or a repeated one are refused
        byte[] v2One = new byte[v1.length + 1];
        v2One[0] = 2;
        System.arraycopy(v1, 1, v2One, 1, 32);
        v2One[33] = 1;
        System.arraycopy(v1, 33, v2One, 34, v1.length - 33);
        byte[] v2Four = v2.clone();
        v2Four[33] = 4;
        for (byte[] bad : List.of(v2One, v2Four)) {
            String text = GroupInviteLink.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bad);
            assertThatThrownBy(() -> GroupInviteLink.parse(text)).isInstanceOf(InvalidMessageException.class);
        }
        assertThatThrownBy(() -> new GroupInviteLink(id, secret, List.of("alice", "alice"), "Climbing"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupInviteLink(id, secret, List.of("a1", "b1", "c1", "d1"), "Climbing"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupInviteLink(id, secret, List.of(), "Climbing"))
                .isInstanceOf(IllegalArgumentException.class);
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
