package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.GroupMember;
import dev.parley.crypto.group.GroupRole;
import dev.parley.crypto.group.GroupState;
import dev.parley.desktop.storage.Conversation;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationKind;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Groups as a member holds them (issue #15): states, key holders, group conversations. */
public abstract class GroupContract extends StorageContract {
    private static final GroupId CLIMBING = new GroupId(new byte[16]);
    private static final GroupId CHESS = GroupId.fromHex("0102030405060708090a0b0c0d0e0f10");

    private static GroupState state(GroupId id, long revision, String title) {
        return new GroupState(id, revision, title, "a description", 3600, new byte[16], List.of(
                new GroupMember("alice", GroupRole.ADMIN), new GroupMember("bob", GroupRole.MEMBER)));
    }

    private static byte[] hash(int b) {
        byte[] hash = new byte[32];
        hash[0] = (byte) b;
        return hash;
    }

    @Test
    void groupsAreStoredReplacedAndListedInTheOrderFirstStored() throws Exception {
        StoredGroup climbing = new StoredGroup(state(CLIMBING, 1, "Climbing"), null, hash(1), true);
        StoredGroup chess = new StoredGroup(state(CHESS, 1, "Chess ♞"), null, hash(2), true);
        write((Transaction txn) -> {
            storage.groups().put(txn, climbing);
            storage.groups().put(txn, chess);
        });
        StoredGroup renamed = new StoredGroup(state(CLIMBING, 2, "Bouldering"), climbing.state(), hash(3), false);
        write((Transaction txn) -> storage.groups().put(txn, renamed));

        Optional<StoredGroup> found = read((Transaction txn) -> storage.groups().find(txn, CLIMBING));
        assertThat(found).isPresent();
        assertThat(found.get().state()).isEqualTo(renamed.state());
        assertThat(found.get().previous()).isEqualTo(climbing.state());
        assertThat(found.get().changeHash()).isEqualTo(hash(3));
        assertThat(found.get().active()).isFalse();
        assertThat(found.get().removed()).as("left, not removed").isFalse();
        assertThat(read((Transaction txn) -> storage.groups().list(txn))).extracting(g -> g.state().title())
                .containsExactly("Bouldering", "Chess ♞");
        write((Transaction txn) -> storage.groups().put(txn, new StoredGroup(chess.state(), null, hash(4), false, true)));
        assertThat(read((Transaction txn) -> storage.groups().find(txn, CHESS)).orElseThrow().removed()).isTrue();
        assertThat(read((Transaction txn) -> storage.groups().list(txn))).extracting(StoredGroup::removed)
                .containsExactly(false, true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StoredGroup(chess.state(), null, hash(4), true,
                true)).as("a removed member is not active").isInstanceOf(IllegalArgumentException.class);
        assertThat(read((Transaction txn) -> storage.groups().find(txn, new GroupId(new byte[] {
            9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9})))).isEmpty();
    }

    @Test
    void aRemovedGroupIsForgottenWithItsKeyHoldersAndJoinRequestsAndTheOthersStay() throws Exception {
        write((Transaction txn) -> {
            storage.groups().put(txn, new StoredGroup(state(CLIMBING, 1, "Climbing"), null, hash(1), false));
            storage.groups().put(txn, new StoredGroup(state(CHESS, 1, "Chess"), null, hash(2), true));
            storage.groups().addKeyHolders(txn, CLIMBING, 7, List.of("bob"));
            storage.groups().addKeyHolders(txn, CHESS, 7, List.of("bob"));
            storage.groups().addJoinRequest(txn, CLIMBING,
                    new dev.parley.desktop.storage.GroupJoinRequest("dave", java.time.Instant.ofEpochMilli(1_000)));
        });
        assertThat(writeAndGet((Transaction txn) -> storage.groups().remove(txn, CLIMBING))).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.groups().remove(txn, CLIMBING))).isFalse();
        assertThat(read((Transaction txn) -> storage.groups().find(txn, CLIMBING))).isEmpty();
        assertThat(read((Transaction txn) -> storage.groups().keyHolders(txn, CLIMBING, 7))).isEmpty();
        assertThat(read((Transaction txn) -> storage.groups().joinRequests(txn, CLIMBING))).isEmpty();
        assertThat(read((Transaction txn) -> storage.groups().list(txn))).extracting(g -> g.state().title())
                .containsExactly("Chess");
        assertThat(read((Transaction txn) -> storage.groups().keyHolders(txn, CHESS, 7))).containsExactly("bob");
    }

    @Test
    void keyHoldersArePerKeyAndClearedTogether() throws Exception {
        write((Transaction txn) -> {
            storage.groups().addKeyHolders(txn, CLIMBING, 7, List.of("bob", "carol"));
            storage.groups().addKeyHolders(txn, CLIMBING, 7, List.of("bob"));
            storage.groups().addKeyHolders(txn, CLIMBING, 8, List.of("dave"));
            storage.groups().addKeyHolders(txn, CHESS, 7, List.of("erin"));
        });
        assertThat(read((Transaction txn) -> storage.groups().keyHolders(txn, CLIMBING, 7)))
                .containsExactlyInAnyOrder("bob", "carol");
        write((Transaction txn) -> storage.groups().clearKeyHolders(txn, CLIMBING));
        assertThat(read((Transaction txn) -> storage.groups().keyHolders(txn, CLIMBING, 8))).isEmpty();
        assertThat(read((Transaction txn) -> storage.groups().keyHolders(txn, CHESS, 7))).containsExactly("erin");
    }

    @Test
    void aForgottenHolderHoldsNoKeyOfAnyGroupAndTheOthersStay() throws Exception {
        write((Transaction txn) -> {
            storage.groups().addKeyHolders(txn, CLIMBING, 7, List.of("bob", "carol"));
            storage.groups().addKeyHolders(txn, CHESS, 3, List.of("bob"));
        });
        write((Transaction txn) -> storage.groups().forgetKeyHolder(txn, "bob"));
        assertThat(read((Transaction txn) -> storage.groups().keyHolders(txn, CLIMBING, 7))).containsExactly("carol");
        assertThat(read((Transaction txn) -> storage.groups().keyHolders(txn, CHESS, 3))).isEmpty();
    }

    @Test
    void aFailedTransactionKeepsNothing() throws Exception {
        assertThatThrownBy(() -> write((Transaction txn) -> {
            storage.groups().put(txn, new StoredGroup(state(CLIMBING, 1, "Climbing"), null, hash(1), true));
            storage.groups().addKeyHolders(txn, CLIMBING, 1, List.of("bob"));
            throw new StorageException("boom");
        })).isInstanceOf(StorageException.class);
        assertThat(read((Transaction txn) -> storage.groups().list(txn))).isEmpty();
        assertThat(read((Transaction txn) -> storage.groups().keyHolders(txn, CLIMBING, 1))).isEmpty();
    }

    @Test
    void aGroupConversationHasItsOwnKindAndIdNoUsernameCanTake() throws Exception {
        ConversationId id = ConversationId.group(CHESS);
        assertThat(id.isGroup()).isTrue();
        assertThat(ConversationId.direct("bob").isGroup()).isFalse();
        Conversation group = writeAndGet((Transaction txn) -> storage.conversations().group(txn, id));
        assertThat(group.kind()).isEqualTo(ConversationKind.GROUP);
        assertThat(group.directPeer()).isEmpty();
        assertThat(read((Transaction txn) -> storage.conversations().find(txn, id))).contains(group);
        assertThatThrownBy(() -> write((Transaction txn) -> storage.conversations().direct(txn, id.value())))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void joinRequestsAreKeptOncePerPersonOldestFirstAndRemoved() throws Exception {
        java.time.Instant t = java.time.Instant.parse("2026-12-05T10:00:00Z");
        boolean[] added = new boolean[3];
        write((Transaction txn) -> {
            added[0] = storage.groups().addJoinRequest(txn, CLIMBING,
                    new dev.parley.desktop.storage.GroupJoinRequest("dave", t.plusSeconds(5)));
            added[1] = storage.groups().addJoinRequest(txn, CLIMBING,
                    new dev.parley.desktop.storage.GroupJoinRequest("carol", t));
            added[2] = storage.groups().addJoinRequest(txn, CLIMBING,
                    new dev.parley.desktop.storage.GroupJoinRequest("dave", t.plusSeconds(60)));
        });
        assertThat(added).containsExactly(true, true, false);
        assertThat(read((Transaction txn) -> storage.groups().joinRequests(txn, CLIMBING)))
                .containsExactly(new dev.parley.desktop.storage.GroupJoinRequest("carol", t),
                        new dev.parley.desktop.storage.GroupJoinRequest("dave", t.plusSeconds(5)));
        assertThat(read((Transaction txn) -> storage.groups().joinRequests(txn, CHESS))).isEmpty();
        int[] removed = new int[1];
        write((Transaction txn) -> removed[0] = storage.groups().removeJoinRequests(txn, CLIMBING,
                List.of("carol", "erin")));
        assertThat(removed[0]).isEqualTo(1);
        assertThat(read((Transaction txn) -> storage.groups().joinRequests(txn, CLIMBING)))
                .extracting(dev.parley.desktop.storage.GroupJoinRequest::username).containsExactly("dave");
    }

    @Test
    void resynchronisationTimesArePerGroupAndPerMemberAndRolledBackWithTheirTransaction() throws Exception {
        java.time.Instant t = java.time.Instant.parse("2026-12-05T10:00:00Z");
        assertThat(read((Transaction txn) -> storage.groups().stateRequestedAt(txn, CLIMBING))).isEmpty();
        write((Transaction txn) -> {
            storage.groups().stateRequested(txn, CLIMBING, t);
            storage.groups().stateAnswered(txn, CLIMBING, "bob", t.plusSeconds(1));
        });
        write((Transaction txn) -> storage.groups().stateRequested(txn, CLIMBING, t.plusSeconds(60)));
        assertThatThrownBy(() -> write((Transaction txn) -> {
            storage.groups().stateAnswered(txn, CLIMBING, "bob", t.plusSeconds(99));
            throw new StorageException("boom");
        })).isInstanceOf(StorageException.class);
        assertThat(read((Transaction txn) -> storage.groups().stateRequestedAt(txn, CLIMBING)))
                .contains(t.plusSeconds(60));
        assertThat(read((Transaction txn) -> storage.groups().stateRequestedAt(txn, CHESS))).isEmpty();
        assertThat(read((Transaction txn) -> storage.groups().stateAnsweredAt(txn, CLIMBING, "bob")))
                .contains(t.plusSeconds(1));
        assertThat(read((Transaction txn) -> storage.groups().stateAnsweredAt(txn, CLIMBING, "carol"))).isEmpty();
        assertThat(read((Transaction txn) -> storage.groups().stateAnsweredAt(txn, CHESS, "bob"))).isEmpty();
    }

    @Test
    void removedMembersArePerGroupUnmarkedWhenAddedBackAndForgottenWithTheGroup() throws Exception {
        write((Transaction txn) -> {
            storage.groups().put(txn, new StoredGroup(state(CLIMBING, 2, "Climbing"), null, hash(1), true));
            storage.groups().markRemoved(txn, CLIMBING, List.of("carol", "dave"));
            storage.groups().markRemoved(txn, CLIMBING, List.of("carol"));
            storage.groups().markRemoved(txn, CHESS, List.of("erin"));
        });
        assertThatThrownBy(() -> write((Transaction txn) -> {
            storage.groups().markRemoved(txn, CHESS, List.of("frank"));
            throw new StorageException("boom");
        })).isInstanceOf(StorageException.class);
        write((Transaction txn) -> storage.groups().unmarkRemoved(txn, CLIMBING, List.of("dave", "nobody")));
        assertThat(read((Transaction txn) -> storage.groups().wasRemoved(txn, CLIMBING, "carol"))).isTrue();
        assertThat(read((Transaction txn) -> storage.groups().wasRemoved(txn, CLIMBING, "dave"))).isFalse();
        assertThat(read((Transaction txn) -> storage.groups().wasRemoved(txn, CLIMBING, "erin"))).isFalse();
        assertThat(read((Transaction txn) -> storage.groups().wasRemoved(txn, CHESS, "erin"))).isTrue();
        assertThat(read((Transaction txn) -> storage.groups().wasRemoved(txn, CHESS, "frank"))).isFalse();
        write((Transaction txn) -> storage.groups().remove(txn, CLIMBING));
        assertThat(read((Transaction txn) -> storage.groups().wasRemoved(txn, CLIMBING, "carol"))).isFalse();
        assertThat(read((Transaction txn) -> storage.groups().wasRemoved(txn, CHESS, "erin"))).isTrue();
    }
}
