package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.service.ProfileService;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #14: a profile, read receipt or reaction arriving from a contact just removed does not bring them back as a
 * request (only content a person reads does; docs/protocol.md 1.12).
 */
class RemovedContactLateTrafficTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void lateControlTrafficFromARemovedContactMakesNothingButATextMakesARequest() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.connection().start();
        bob.connection().start();
        alice.contacts().add("bob");
        alice.messaging().send("bob", "hello");
        assertThat(Await.until(() -> requests(bob) == 1 && history(bob).size() == 1, WAIT)).isTrue();
        bob.contacts().accept("alice");
        delivered(alice, bob);

        alice.contacts().remove("bob", false);
        Message hello = history(bob).get(0);
        bob.profiles().update(new ProfileService.Update(Optional.of("Bob"), Optional.of("late"), Optional.empty(), false));
        bob.messaging().markRead("alice", hello.cursor());
        bob.messaging().react(hello.messageId(), "👍", false);
        delivered(bob, alice);
        assertThat(alice.contacts().requests()).isEmpty();
        assertThat(alice.contacts().list()).isEmpty();

        bob.messaging().send("alice", "still there?");
        assertThat(Await.until(() -> requests(alice) == 1, WAIT)).isTrue();
        assertThat(alice.contacts().requests()).extracting(Contact::username).containsExactly("bob");
        assertThat(Await.until(() -> history(alice, "bob").stream().anyMatch(m -> m.body().equals("still there?")),
                WAIT)).isTrue();
        assertThat(alice.profiles().of("bob").profile()).as("the late profile was not kept").isEmpty();
    }

    /** Everything {@code from} queued reached the relay and {@code to} received and acknowledged it. */
    private void delivered(ParleyApp from, ParleyApp to) throws Exception {
        assertThat(from.connection().awaitDrained(WAIT)).isTrue();
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).isTrue();
        assertThat(to.connection().awaitDrained(WAIT)).isTrue();
    }

    private static List<Message> history(ParleyApp app) {
        return history(app, "alice");
    }

    private static List<Message> history(ParleyApp app, String contact) {
        try {
            return app.messaging().history(contact, Optional.<MessageCursor>empty(), 10).messages();
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
}
