package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.service.ContactPresence;
import dev.parley.desktop.service.presence.PresencePacing;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #14: coming online with more contacts than the relay lets one connection send at once. The relay answers
 * sends over its per-connection limit with RATE_LIMITED (and closes a connection after 20 such rejects), so a profile
 * with 500 contacts that told them all at once lost most of its announcement. Here the relay allows 2 sends at once
 * and 1 a second, and alice has 4 contacts: announced all at once, 2 would be refused. The pacing is scaled down with
 * it (1 contact at once, then 1 a second, where the default is 100 then 50): "offline" as alice locks went to the first
 * wave only (the first 100 contacts by default) and now goes to all of them.
 */
class PresencePacingTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MESSAGES_IN = "parley_relay_websocket_messages_received_total";
    private static final String FRAMES_IN = "parley_relay_frames_received_total";

    @RegisterExtension
    final TestNetwork network = new TestNetwork(c -> c.withLimit(RateLimit.SEND_PER_CONNECTION, new BucketSpec(2, 1)));

    @Test
    void anAnnouncementToMoreContactsThanTheRelayTakesAtOnceGoesInWavesAndReachesEveryoneOnlineAndOfflineAndAWaveIsOneMessage()
            throws Exception {
        network.connectionTuning = s -> s.withPresencePacing(new PresencePacing(1, 1, Duration.ofSeconds(1)));
        ParleyApp alice = network.register("alice");
        alice.connection().start();
        List<ParleyApp> friends = new ArrayList<>();
        for (String name : List.of("bob", "carol", "dave", "erin")) {
            ParleyApp friend = network.register(name);
            friend.connection().start();
            friend.contacts().add("alice");
            friend.messaging().send("alice", "hello");
            friends.add(friend);
        }
        assertThat(Await.until(() -> requests(alice) == 4, WAIT)).isTrue();
        for (String name : List.of("bob", "carol", "dave", "erin")) {
            alice.contacts().accept(name);
        }
        // the delivery receipts owed since the requests are through (nothing left to send at the next connection)
        assertThat(Await.until(() -> friends.stream().allMatch(PresencePacingTest::delivered), WAIT)).isTrue();
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
        alice.close();
        long rejectedBefore = network.relayRejects("RATE_LIMITED");

        // a new connection: a full bucket of 2, then 1 a second
        ParleyApp aliceAgain = network.unlock("alice");
        aliceAgain.presence().start();
        aliceAgain.connection().start();
        assertThat(Await.until(() -> friends.stream().allMatch(f -> status(f) == ContactPresence.Status.ONLINE), WAIT))
                .as("every contact heard alice come online").isTrue();
        assertThat(network.relayRejects("RATE_LIMITED") - rejectedBefore).as("no send over the relay's limit").isZero();

        // Going offline (lock, quit) reaches every contact too, in the same waves on the last link: before, only the
        // first wave's worth heard it (here 1 of 4; with the default pacing the first 100) and the others saw alice
        // online until their 150 s timeout.
        aliceAgain.close();
        assertThat(Await.until(() -> friends.stream().allMatch(f -> status(f) == ContactPresence.Status.OFFLINE), WAIT))
                .as("every contact heard alice go offline").isTrue();
        assertThat(network.relayRejects("RATE_LIMITED") - rejectedBefore).as("no send over the relay's limit").isZero();

        // A wave leaves as one WebSocket message, not one per contact: the relay reads, decodes and answers it once
        // (a client without presence started, so no announcement of its own runs meanwhile).
        ParleyApp aliceOnceMore = network.unlock("alice");
        aliceOnceMore.connection().start();
        assertThat(aliceOnceMore.connection().awaitDrained(WAIT)).isTrue();
        long messagesBefore = network.relayCounter(MESSAGES_IN);
        long framesBefore = network.relayCounter(FRAMES_IN);
        List<dev.parley.desktop.storage.Contact> wave = aliceOnceMore.presenceAnnouncer().recipients();
        assertThat(aliceOnceMore.presenceAnnouncer().toSome(wave, true, false)).isEqualTo(4);
        assertThat(Await.until(() -> network.relayCounter(FRAMES_IN) - framesBefore >= 4, WAIT)).isTrue();
        assertThat(network.relayCounter(FRAMES_IN) - framesBefore).as("one frame per contact").isEqualTo(4);
        assertThat(network.relayCounter(MESSAGES_IN) - messagesBefore).as("in one WebSocket message").isEqualTo(1);
    }

    @Test
    void wavesAreTheBurstThenPerWaveInOrder() {
        PresencePacing pacing = new PresencePacing(3, 2, Duration.ofSeconds(1));
        assertThat(pacing.waves(List.of(1, 2, 3, 4, 5, 6, 7, 8)))
                .containsExactly(List.of(1, 2, 3), List.of(4, 5), List.of(6, 7), List.of(8));
        assertThat(pacing.waves(List.of(1, 2))).containsExactly(List.of(1, 2));
        assertThat(pacing.waves(List.of())).isEmpty();
        assertThat(PresencePacing.DEFAULTS.waves(java.util.Collections.nCopies(500, 0))).hasSize(9);
    }

    private static boolean delivered(ParleyApp friend) {
        try {
            dev.parley.desktop.storage.MessageState state = friend.messaging()
                    .history("alice", java.util.Optional.empty(), 1).messages().get(0).state();
            return state == dev.parley.desktop.storage.MessageState.DELIVERED
                    || state == dev.parley.desktop.storage.MessageState.READ;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int requests(ParleyApp app) {
        try {
            return app.contacts().requests().size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ContactPresence.Status status(ParleyApp friend) {
        try {
            return friend.presence().of("alice").orElseThrow().status();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
