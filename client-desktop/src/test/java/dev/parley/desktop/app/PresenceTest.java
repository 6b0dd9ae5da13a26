package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.event.PresenceChangedEvent;
import dev.parley.desktop.service.ContactPresence;
import dev.parley.desktop.service.messaging.PresenceTracker;
import dev.parley.desktop.storage.PresenceVisibility;
import dev.parley.desktop.storage.Transaction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue #14, presence: Alice, Bob and Mallory over the real relay, ephemeral frames only. */
class PresenceTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** How long "nothing came" is watched for: far longer than an ephemeral frame takes on loopback. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void contactsSeeEachOtherComeOnlineAndGoOfflineWithLastSeen() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.connection().start();
        bob.connection().start();
        befriend(alice, bob);
        assertThat(status(alice, "bob")).isEqualTo(ContactPresence.Status.OFFLINE);
        assertThat(alice.presence().of("bob").orElseThrow().lastSeen()).isEmpty();

        alice.presence().start();
        bob.presence().start();
        assertThat(Await.until(() -> status(alice, "bob") == ContactPresence.Status.ONLINE, WAIT))
                .as("bob announces himself when he comes online").isTrue();
        assertThat(Await.until(() -> status(bob, "alice") == ContactPresence.Status.ONLINE, WAIT))
                .as("alice, already online, answers bob's announcement").isTrue();

        bob.close();
        assertThat(Await.until(() -> status(alice, "bob") == ContactPresence.Status.OFFLINE, WAIT))
                .as("bob says goodbye when he goes offline").isTrue();
        assertThat(alice.presence().of("bob").orElseThrow().lastSeen()).isPresent();
        assertThat(network.relayQueued()).as("presence is never queued on the relay").isZero();

        alice.close();
        ParleyApp aliceAgain = network.unlock("alice");
        assertThat(aliceAgain.presence().of("bob").orElseThrow().lastSeen())
                .as("last seen survives a restart").isPresent();
    }

    @Test
    void aFloodFromOneContactMakesAtMostOneUiUpdatePerSecondAndTheLastStateShows() throws Exception {
        ManualClock aliceClock = new ManualClock();
        network.clock = aliceClock;
        ParleyApp alice = network.register("alice");
        network.clock = java.time.Clock.systemUTC();
        ParleyApp bob = network.register("bob");
        alice.connection().start();
        bob.connection().start();
        befriend(alice, bob);
        List<PresenceChangedEvent> updates = new CopyOnWriteArrayList<>();
        alice.events().subscribe(PresenceChangedEvent.class, updates::add);
        alice.presence().start();

        for (int i = 0; i < 500; i++) {
            bob.presenceAnnouncer().to("alice", true, false);
        }
        bob.presenceAnnouncer().to("alice", false, false);
        assertThat(Await.until(() -> seenCount(alice) > 0 && status(alice, "bob") == ContactPresence.Status.OFFLINE,
                WAIT)).as("the flood and the final offline arrived").isTrue();
        Thread.sleep(QUIET.toMillis());
        assertThat(updates).as("500 presences within one second of alice's clock: one update").hasSize(1);

        aliceClock.advance(PresenceTracker.UPDATE_INTERVAL);
        assertThat(Await.until(() -> updates.size() == 2, WAIT)).as("the held change is posted after a second").isTrue();
        Thread.sleep(QUIET.toMillis());
        assertThat(updates).hasSize(2).allMatch(e -> e.contact().equals("bob"));
        assertThat(status(alice, "bob")).as("the last state wins").isEqualTo(ContactPresence.Status.OFFLINE);
    }

    @Test
    void presenceFromANonContactOrAnUnacceptedRequestIsIgnoredAndNoneGoesBack() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp mallory = network.register("mallory");
        List<PresenceChangedEvent> aliceSaw = new CopyOnWriteArrayList<>();
        List<PresenceChangedEvent> mallorySaw = new CopyOnWriteArrayList<>();
        alice.events().subscribe(PresenceChangedEvent.class, aliceSaw::add);
        mallory.events().subscribe(PresenceChangedEvent.class, mallorySaw::add);
        mallory.contacts().add("alice");
        alice.presence().start();
        mallory.presence().start();
        alice.connection().start();
        mallory.connection().start();
        assertThat(Await.until(() -> online(alice) && online(mallory), WAIT)).isTrue();

        mallory.messaging().send("alice", "hello stranger");
        assertThat(Await.until(() -> requests(alice).contains("mallory"), WAIT)).isTrue();
        for (int i = 0; i < 20; i++) {
            mallory.presenceAnnouncer().to("alice", true, true);
        }
        Thread.sleep(QUIET.toMillis());
        assertThat(aliceSaw).as("a request's presence is ignored").isEmpty();
        assertThat(alice.presence().contacts()).as("only accepted contacts have presence").isEmpty();
        assertThat(alice.presence().of("mallory")).as("nor does one asked for alone").isEmpty();
        assertThat(alice.presence().of("nobody-at-all")).isEmpty();
        assertThat(seenCount(alice)).as("nothing stored").isZero();
        assertThat(mallorySaw).as("nothing goes back to a request").isEmpty();
        assertThat(mallory.presence().of("alice").orElseThrow().status()).isEqualTo(ContactPresence.Status.OFFLINE);
    }

    @Test
    void nobodyNeitherSharesNorShowsPresence() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.connection().start();
        bob.connection().start();
        befriend(alice, bob);
        alice.presence().setVisibility(PresenceVisibility.NOBODY);
        alice.presence().start();
        bob.presence().start();
        Thread.sleep(QUIET.toMillis());
        assertThat(status(bob, "alice")).as("alice shares nothing").isEqualTo(ContactPresence.Status.OFFLINE);
        assertThat(status(alice, "bob")).as("and sees no one's").isEqualTo(ContactPresence.Status.HIDDEN);
        assertThat(seenCount(alice)).isZero();

        alice.presence().setVisibility(PresenceVisibility.CONTACTS);
        assertThat(Await.until(() -> status(bob, "alice") == ContactPresence.Status.ONLINE, WAIT)).isTrue();
        assertThat(Await.until(() -> status(alice, "bob") == ContactPresence.Status.ONLINE, WAIT))
                .as("bob answers alice's announcement").isTrue();
    }

    @Test
    void theRelayLogsNothingAboutPresenceEvenAtTrace() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.connection().start();
        bob.connection().start();
        befriend(alice, bob);
        ch.qos.logback.classic.Logger relayLog =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.parley.relay");
        ch.qos.logback.classic.Level before = relayLog.getLevel();
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen =
                new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        relayLog.addAppender(seen);
        relayLog.setLevel(ch.qos.logback.classic.Level.TRACE);
        try {
            alice.presence().start();
            bob.presence().start();
            assertThat(Await.until(() -> status(alice, "bob") == ContactPresence.Status.ONLINE
                    && status(bob, "alice") == ContactPresence.Status.ONLINE, WAIT)).isTrue();
            bob.close();
            assertThat(Await.until(() -> status(alice, "bob") == ContactPresence.Status.OFFLINE, WAIT)).isTrue();
        } finally {
            relayLog.detachAppender(seen);
            relayLog.setLevel(before);
        }
        assertThat(seen.list).as("what the relay logged while presence went both ways")
                .allSatisfy(e -> assertThat(e.getFormattedMessage() + e.getMDCPropertyMap())
                        .doesNotContain("alice").doesNotContain("bob").doesNotContainIgnoringCase("presence"));
    }

    /** {@code a} adds {@code b} and writes; {@code b} accepts the request. Both must be connected. */
    private static void befriend(ParleyApp a, ParleyApp b) throws Exception {
        String aName = a.account().status().username();
        String bName = b.account().status().username();
        assertThat(Await.until(() -> online(a) && online(b), WAIT)).isTrue();
        a.contacts().add(bName);
        a.messaging().send(bName, "hello");
        assertThat(Await.until(() -> requests(b).contains(aName), WAIT)).isTrue();
        b.contacts().accept(aName);
        assertThat(a.connection().awaitDrained(WAIT) && b.connection().awaitDrained(WAIT)).isTrue();
    }

    private static List<String> requests(ParleyApp app) {
        try {
            return app.contacts().requests().stream().map(dev.parley.desktop.storage.Contact::username).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean online(ParleyApp app) {
        try {
            return app.connection().state().get().status() == dev.parley.desktop.net.ConnectionStatus.ONLINE;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ContactPresence.Status status(ParleyApp app, String contact) {
        try {
            return app.presence().of(contact).orElseThrow().status();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int seenCount(ParleyApp app) {
        try {
            return app.crypto().storage().transactions().transactionWithResult(true,
                    (Transaction txn) -> app.crypto().storage().presence().all(txn).size());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
