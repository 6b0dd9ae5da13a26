package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.storage.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Both sides start the session at once: bob's first two messages and alice's first one cross on the relay, with
 * random gaps, so each side may receive the other's first message before, while or after building its own session.
 * Every message arrives, and the next exchange decrypts on whichever session both settled on.
 */
class CrossingFirstMessagesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @RepeatedTest(8)
    void bothStartTheSessionAtOnceAndEveryMessageArrives() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        List<Message> bobGot = new CopyOnWriteArrayList<>();
        List<Message> aliceGot = new CopyOnWriteArrayList<>();
        bob.events().subscribe(MessageReceivedEvent.class, e -> bobGot.add(e.message()));
        alice.events().subscribe(MessageReceivedEvent.class, e -> aliceGot.add(e.message()));
        alice.contacts().add("bob");
        bob.contacts().add("alice");
        alice.connection().start();
        bob.connection().start();
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        Thread other = new Thread(() -> {
            try {
                Thread.sleep(r.nextInt(150));
                alice.messaging().send("bob", "three");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        other.start();
        bob.messaging().send("alice", "one");
        Thread.sleep(r.nextInt(50));
        bob.messaging().send("alice", "two");
        other.join();
        assertThat(Await.until(() -> bobGot.size() == 1 && aliceGot.size() == 2, WAIT))
                .as("bob got %s, alice got %s", bobGot.size(), aliceGot.size()).isTrue();
        bob.messaging().send("alice", "four");
        alice.messaging().send("bob", "five");
        assertThat(Await.until(() -> bobGot.size() == 2 && aliceGot.size() == 3, WAIT))
                .as("bob got %s, alice got %s", bobGot.size(), aliceGot.size()).isTrue();
    }
}
