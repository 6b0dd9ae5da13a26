package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.group.GroupAction;
import dev.parley.crypto.group.GroupChange;
import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.GroupMember;
import dev.parley.crypto.group.GroupRole;
import dev.parley.crypto.group.GroupSnapshot;
import dev.parley.crypto.group.GroupState;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.payload.GroupStateAnswer;
import dev.parley.crypto.payload.GroupStateRequest;
import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.connection.InboundHandler;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.StoredGroup;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #15, state resynchronisation over the real relay (docs/protocol.md 1.15.2): a member that missed changes asks
 * an admin, once, and ends at the admin's revision; hostile answers (older, unsigned, for someone else, without the
 * member, from a non-admin) and requests (repeated, not behind) are dropped without failing the batch they arrive in.
 * A member removed in a change it missed is told by an admin when it writes to the group or asks, and stops sending;
 * a removal that is not signed, not from an admin or not newer is dropped.
 */
class GroupResyncTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    /** Loses (acknowledges unread) every delivery that arrives while it is on, as a change lost on the way would be. */
    private static final class Losing {
        volatile boolean on;
        final AtomicInteger lost = new AtomicInteger();

        InboundHandler wrapping(InboundHandler delegate) {
            return new InboundHandler() {
                @Override
                public Outcome onDelivery(long relayMessageId, long receivedAtMillis, byte[] blob)
                        throws StorageFailureException {
                    return onDeliveries(List.of(new Delivery(relayMessageId, receivedAtMillis, blob))).get(0);
                }

                @Override
                public List<Outcome> onDeliveries(List<Delivery> batch) throws StorageFailureException {
                    if (on) {
                        lost.addAndGet(batch.size());
                        return batch.stream().map(d -> Outcome.STORED).toList();
                    }
                    return delegate.onDeliveries(batch);
                }

                @Override
                public void onPickupStarted() {
                    delegate.onPickupStarted();
                }

                @Override
                public void onQueueDrained() {
                    delegate.onQueueDrained();
                }

                @Override
                public void onEphemeral(byte[] blob) {
                    delegate.onEphemeral(blob);
                }
            };
        }
    }

    private static long revision(ParleyApp app, GroupId id) {
        try {
            return app.groups().find(id.hex()).state().revision();
        } catch (Exception e) {
            return 0;
        }
    }

    private static List<String> bodies(ParleyApp app, GroupId id) throws Exception {
        return app.messaging().history(ConversationId.group(id).value(), Optional.empty(), 50).messages().stream()
                .map(Message::body).toList();
    }

    @Test
    void aMemberThatMissedTwoChangesAsksAnAdminAndEndsAtTheSameRevision() throws Exception {
        ParleyApp alice = network.register("alice");
        network.register("bob").close();
        network.register("carol").close();
        alice.connection().start();
        Losing losing = new Losing();
        ParleyApp carol = network.unlock("carol", losing::wrapping);
        carol.connection().start();
        GroupId id = alice.groups().create("Climbing", List.of("bob", "carol")).state().id();
        assertThat(Await.until(() -> revision(carol, id) == 1, WAIT)).isTrue();

        losing.on = true;
        alice.groups().rename("Climbing", "Bouldering");
        alice.groups().admin("Bouldering", "bob", false);
        assertThat(Await.until(() -> losing.lost.get() >= 2, WAIT)).as("carol lost both changes").isTrue();
        losing.on = false;
        assertThat(revision(carol, id)).isEqualTo(1);

        alice.groups().setTimer("Bouldering", 3600);
        assertThat(Await.until(() -> revision(carol, id) == 4, WAIT)).as("carol resynchronised").isTrue();
        StoredGroup synced = carol.groups().find(id.hex());
        StoredGroup admin = alice.groups().find(id.hex());
        assertThat(synced.state()).isEqualTo(admin.state());
        assertThat(synced.changeHash()).isEqualTo(admin.changeHash());
        assertThat(synced.state().title()).isEqualTo("Bouldering");
        assertThat(synced.state().isAdmin("bob")).isTrue();
        assertThat(bodies(carol, id)).contains("alice brought the group up to date (changes missed here)");

        carol.groups().send("Bouldering", "caught up");
        assertThat(carol.connection().awaitDrained(WAIT)).isTrue();
        assertThat(Await.until(() -> {
            try {
                return bodies(alice, id).contains("caught up");
            } catch (Exception e) {
                return false;
            }
        }, WAIT)).as("the others read carol after her resynchronisation").isTrue();
    }

    @Test
    void hostileStatesAndRequestsAreDroppedAndOnlyOneRequestGoesOutPerMinute() throws Exception {
        ParleyApp carol = network.register("carol");
        OutsideClient mallory = OutsideClient.register(network, "mallory");
        OutsideClient erin = OutsideClient.register(network, "erin");
        IdentityKeyPair stranger = IdentityKeyPair.generate(TestNetwork.CRYPTO, TestNetwork.CRYPTO.random());
        GroupState trap = new GroupState(GroupId.random(TestNetwork.CRYPTO.random()), 1, "Trap", "", 0, null,
                List.of(new GroupMember("mallory", GroupRole.ADMIN), new GroupMember("carol", GroupRole.MEMBER),
                        new GroupMember("erin", GroupRole.MEMBER)));
        GroupState ahead = trap.with(5L, "Trap synced", null, null, null, null);
        byte[] hash = new byte[32];
        mallory.sendAs("mallory", "carol", new Payload.GroupUpdate(GroupChange.sign(TestNetwork.CRYPTO,
                mallory.identity, "mallory", GroupAction.CREATE, List.of("carol", "erin"), trap)));
        erin.sendAs("erin", "carol", new Payload.SenderKey(new dev.parley.crypto.group.GroupCipher(TestNetwork.CRYPTO,
                TestNetwork.CRYPTO.random()).create(trap.id()).distribution()));          // erin: a request now
        erin.sendAs("erin", "carol", new GroupStateAnswer(GroupSnapshot.sign(TestNetwork.CRYPTO, erin.identity,
                "erin", "carol", ahead, hash)));                                          // unasked, and no admin
        for (long skipped : new long[] {3, 4}) {                                         // two hints: one request
            mallory.sendAs("mallory", "carol", new Payload.GroupUpdate(GroupChange.sign(TestNetwork.CRYPTO,
                    mallory.identity, "mallory", GroupAction.RENAME, List.of(),
                    trap.with(skipped, "Skipped", null, null, null, null))));
        }
        for (GroupSnapshot hostile : List.of(
                GroupSnapshot.sign(TestNetwork.CRYPTO, mallory.identity, "mallory", "carol", trap, hash),   // not newer
                GroupSnapshot.sign(TestNetwork.CRYPTO, stranger, "mallory", "carol", ahead, hash),          // unsigned
                GroupSnapshot.sign(TestNetwork.CRYPTO, mallory.identity, "mallory", "erin", ahead, hash))) { // for erin
            mallory.sendAs("mallory", "carol", new GroupStateAnswer(hostile));
        }
        erin.sendAs("erin", "carol", new GroupStateAnswer(GroupSnapshot.sign(TestNetwork.CRYPTO, erin.identity,
                "erin", "carol", ahead, hash)));                                          // asked now, still no admin
        mallory.sendAs("mallory", "carol", new GroupStateAnswer(GroupSnapshot.sign(TestNetwork.CRYPTO,
                mallory.identity, "mallory", "carol", ahead, hash)));                     // the honest answer

        carol.connection().start();
        assertThat(carol.connection().awaitDrained(WAIT)).isTrue();
        StoredGroup held = carol.groups().find(trap.id().hex());
        assertThat(held.state()).isEqualTo(ahead);
        assertThat(held.previous()).isNull();
        List<GroupStateRequest> requests = mallory.openDeliveries(Duration.ofSeconds(1)).stream()
                .filter(GroupStateRequest.class::isInstance).map(GroupStateRequest.class::cast).toList();
        // the request names the revision held when it is sent: 1, or 5 if the honest answer of the same pickup was
        // applied first (the order of the two depends on the machine's load)
        assertThat(requests).as("one request for two hints within a minute").hasSize(1)
                .allSatisfy(r -> assertThat(r.group()).isEqualTo(trap.id()));

        // Carol as an admin: a removed member's request gets the state that no longer lists her; a member's gets one
        // answer per minute.
        GroupId admins = carol.groups().create("Admins", List.of("erin", "mallory")).state().id();
        carol.groups().remove("Admins", List.of("mallory"));
        assertThat(carol.connection().awaitDrained(WAIT)).isTrue();
        mallory.sendAs("mallory", "carol", new GroupStateRequest(admins, 1));
        erin.sendAs("erin", "carol", new GroupStateRequest(admins, 1));
        erin.sendAs("erin", "carol", new GroupStateRequest(admins, 1));
        erin.sendAs("erin", "carol", new GroupStateRequest(admins, 2));
        List<GroupSnapshot> toErin = erin.openDeliveries(Duration.ofSeconds(2)).stream()
                .filter(GroupStateAnswer.class::isInstance).map(p -> ((GroupStateAnswer) p).snapshot()).toList();
        assertThat(toErin).hasSize(1);
        assertThat(toErin.get(0).state()).isEqualTo(carol.groups().find(admins.hex()).state());
        assertThat(toErin.get(0).requester()).isEqualTo("erin");
        toErin.get(0).verify(TestNetwork.CRYPTO, erin.peerKey("carol"));
        List<GroupSnapshot> toMallory = mallory.openDeliveries(Duration.ofMillis(500)).stream()
                .filter(GroupStateAnswer.class::isInstance).map(p -> ((GroupStateAnswer) p).snapshot()).toList();
        assertThat(toMallory).hasSize(1);
        assertThat(toMallory.get(0).requester()).isEqualTo("mallory");
        assertThat(toMallory.get(0).state()).isEqualTo(carol.groups().find(admins.hex()).state());
        assertThat(toMallory.get(0).state().isMember("mallory")).isFalse();
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).as("every envelope acknowledged").isTrue();
        mallory.close();
        erin.close();
    }

    private static boolean active(ParleyApp app, GroupId id) {
        try {
            return app.groups().find(id.hex()).active();
        } catch (Exception e) {
            return true;
        }
    }

    @Test
    void aMemberRemovedInAChangeItMissedIsToldWhenItWritesAndStopsSending() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        network.register("carol").close();
        alice.connection().start();
        bob.connection().start();
        Losing losing = new Losing();
        ParleyApp carol = network.unlock("carol", losing::wrapping);
        carol.connection().start();
        GroupId id = alice.groups().create("Crag", List.of("bob", "carol")).state().id();
        assertThat(Await.until(() -> revision(carol, id) == 1 && revision(bob, id) == 1, WAIT)).isTrue();

        losing.on = true;
        alice.groups().remove("Crag", List.of("carol"));
        assertThat(Await.until(() -> losing.lost.get() >= 1, WAIT)).as("carol lost her removal").isTrue();
        losing.on = false;
        assertThat(Await.until(() -> revision(bob, id) == 2, WAIT)).isTrue();
        assertThat(active(carol, id)).isTrue();

        carol.groups().send("Crag", "am I still in?");
        assertThat(Await.until(() -> !active(carol, id), WAIT)).as("alice, an admin, told carol").isTrue();
        StoredGroup out = carol.groups().find(id.hex());
        assertThat(out.state()).isEqualTo(alice.groups().find(id.hex()).state());
        assertThat(out.removed()).as("removed, not left: her header says so").isTrue();
        assertThat(bodies(carol, id)).containsOnlyOnce(
                "You were removed from the group (alice told you: a change missed here)");
        assertThatThrownBy(() -> carol.groups().send("Crag", "again"))
                .isInstanceOf(dev.parley.desktop.service.InvalidInputException.class);

        alice.groups().send("Crag", "after carol");
        assertThat(Await.until(() -> {
            try {
                return bodies(bob, id).contains("after carol");
            } catch (Exception e) {
                return false;
            }
        }, WAIT)).isTrue();
        assertThat(carol.connection().awaitDrained(WAIT)).isTrue();
        assertThat(bodies(carol, id)).doesNotContain("after carol");
        assertThat(bodies(alice, id)).doesNotContain("am I still in?");
        assertThat(bodies(bob, id)).doesNotContain("am I still in?");
    }

    @Test
    void aRemovalByStateIsTakenOnlySignedNewerAndFromAnAdmin() throws Exception {
        ParleyApp carol = network.register("carol");
        carol.connection().start();
        OutsideClient mallory = OutsideClient.register(network, "mallory");
        OutsideClient erin = OutsideClient.register(network, "erin");
        carol.contacts().add("mallory");
        carol.contacts().add("erin");                  // contacts both: only the group rules decide below
        IdentityKeyPair stranger = IdentityKeyPair.generate(TestNetwork.CRYPTO, TestNetwork.CRYPTO.random());
        GroupState crag = new GroupState(GroupId.random(TestNetwork.CRYPTO.random()), 1, "Crag", "", 0, null,
                List.of(new GroupMember("mallory", GroupRole.ADMIN), new GroupMember("carol", GroupRole.MEMBER),
                        new GroupMember("erin", GroupRole.MEMBER)));
        mallory.sendAs("mallory", "carol", new Payload.GroupUpdate(GroupChange.sign(TestNetwork.CRYPTO,
                mallory.identity, "mallory", GroupAction.CREATE, List.of("carol", "erin"), crag)));
        assertThat(Await.until(() -> revision(carol, crag.id()) == 1, WAIT)).isTrue();

        List<GroupMember> withoutCarol = List.of(crag.members().get(0), crag.members().get(2));
        GroupState removed = crag.with(4L, null, null, null, null, withoutCarol);
        byte[] hash = new byte[32];
        erin.sendAs("erin", "carol", new GroupStateAnswer(GroupSnapshot.sign(TestNetwork.CRYPTO, erin.identity,
                "erin", "carol", removed, hash)));                                         // not an admin
        mallory.sendAs("mallory", "carol", new GroupStateAnswer(GroupSnapshot.sign(TestNetwork.CRYPTO, stranger,
                "mallory", "carol", removed, hash)));                                      // not signed by mallory
        mallory.sendAs("mallory", "carol", new GroupStateAnswer(GroupSnapshot.sign(TestNetwork.CRYPTO,
                mallory.identity, "mallory", "carol", crag.with(null, null, null, null, null, withoutCarol),
                hash)));                                                                   // not newer
        mallory.sendAs("mallory", "carol", new GroupStateAnswer(GroupSnapshot.sign(TestNetwork.CRYPTO,
                mallory.identity, "mallory", "erin", removed, hash)));                     // for someone else
        mallory.sendAs("mallory", "carol", new Payload.GroupUpdate(GroupChange.sign(TestNetwork.CRYPTO,
                mallory.identity, "mallory", GroupAction.RENAME, List.of(),
                crag.with(2L, "Crag 2", null, null, null, null))));                        // after them: applied
        assertThat(Await.until(() -> revision(carol, crag.id()) == 2, WAIT)).isTrue();
        assertThat(active(carol, crag.id())).as("no hostile removal was taken").isTrue();
        assertThat(bodies(carol, crag.id())).noneMatch(b -> b.startsWith("You were removed"));

        mallory.sendAs("mallory", "carol", new GroupStateAnswer(GroupSnapshot.sign(TestNetwork.CRYPTO,
                mallory.identity, "mallory", "carol", removed, hash)));                    // the admin, unasked
        assertThat(Await.until(() -> !active(carol, crag.id()), WAIT)).isTrue();
        assertThat(carol.groups().find(crag.id().hex()).state()).isEqualTo(removed);
        assertThat(bodies(carol, crag.id())).containsOnlyOnce(
                "You were removed from the group (mallory told you: a change missed here)");
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).as("every envelope acknowledged").isTrue();
        mallory.close();
        erin.close();
    }
}
