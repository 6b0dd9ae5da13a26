package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.net.ConnectionStatus;
import dev.parley.desktop.service.WrongPassphraseException;
import dev.parley.desktop.storage.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Changing the passphrase rebuilds a profile's services; a connected profile must stay reachable through it, and a
 * wrong current passphrase must disturb nothing (it used to close the relay connection for good).
 */
class PassphraseChangeWhileConnectedTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void aWrongCurrentPassphraseLeavesTheConnectionAndServicesAlone() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        List<Message> aliceInbox = inbox(alice);
        bob.contacts().add("alice");
        alice.connection().start();
        bob.connection().start();
        assertThat(Await.until(() -> online(alice), WAIT)).isTrue();
        var connectionBefore = alice.connection();

        assertThatThrownBy(() -> alice.account().changePassphrase("not the passphrase".toCharArray(),
                "a brand new passphrase".toCharArray())).isInstanceOf(WrongPassphraseException.class);

        assertThat(alice.connection()).as("the services were not rebuilt").isSameAs(connectionBefore);
        bob.messaging().send("alice", "still reachable");
        assertThat(Await.until(() -> aliceInbox.size() == 1, WAIT)).isTrue();
    }

    @Test
    void aSuccessfulChangeComesBackConnectedAndUnlocksWithTheNewPassphrase() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        List<Message> aliceInbox = inbox(alice);
        bob.contacts().add("alice");
        alice.connection().start();
        bob.connection().start();
        assertThat(Await.until(() -> online(alice), WAIT)).isTrue();

        char[] next = "a brand new passphrase".toCharArray();
        alice.account().changePassphrase(TestNetwork.PASSPHRASE.clone(), next.clone());

        assertThat(Await.until(() -> online(alice), WAIT)).as("reconnected after the change").isTrue();
        bob.messaging().send("alice", "after the change");
        assertThat(Await.until(() -> aliceInbox.size() == 1, WAIT)).isTrue();

        alice.account().lock();
        assertThatThrownBy(() -> alice.account().unlock(TestNetwork.PASSPHRASE.clone()))
                .isInstanceOf(WrongPassphraseException.class);
        alice.account().unlock(next.clone());
        assertThat(alice.messaging().history("bob", java.util.Optional.empty(), 10).messages())
                .extracting(Message::body).containsExactly("after the change");
    }

    private static List<Message> inbox(ParleyApp app) {
        List<Message> inbox = new CopyOnWriteArrayList<>();
        app.events().subscribe(MessageReceivedEvent.class, e -> inbox.add(e.message()));
        return inbox;
    }

    private static boolean online(ParleyApp app) {
        try {
            return app.connection().state().get().status() == ConnectionStatus.ONLINE;
        } catch (dev.parley.desktop.service.ProfileLockedException e) {
            return false;
        }
    }
}
