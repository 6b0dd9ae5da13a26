package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.session.SessionRecord;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #11 finding 11, Alice/Bob over the real relay: a first message without a one-time prekey, replayed after more
 * than {@link SessionRecord#MAX_PREVIOUS_STATES} newer sessions pushed its session out of Bob's record, must not
 * become Bob's current session (Bob's replies would then go to a dead session).
 */
class ReplayedFirstMessageTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void finding11AReplayedFirstMessageOfAnEvictedSessionIsRefused() throws Exception {
        ParleyApp bob = network.register("bob");
        try (OutsideClient alice = OutsideClient.register(network, "alice");
             OutsideClient carol = OutsideClient.register(network, "carol")) {
            // Bob is offline, so he does not top up: his one-time prekeys run out and the first session has none.
            alice.drainPreKeys("bob", 40);
            List<byte[]> firsts = new ArrayList<>();
            int sessions = SessionRecord.MAX_PREVIOUS_STATES + 2;
            // Session 0 sends three messages before Bob connects, so that one batch holds them: all three are first
            // (prekey) messages with the same base key, which a batch remembers once (#12).
            int extra = 2;
            byte[] thirdOfFirstSession = null;
            for (int i = 0; i < sessions; i++) {
                IdentityKey bobKey = alice.startSession("bob");
                byte[] first = alice.seal(bobKey, alice.certificate, alice.encrypt("bob", "session " + i));
                firsts.add(first);
                alice.send("bob", first);
                if (i == 0) {
                    alice.send("bob", alice.seal(bobKey, alice.certificate, alice.encrypt("bob", "session 0, second")));
                    thirdOfFirstSession = alice.seal(bobKey, alice.certificate, alice.encrypt("bob", "session 0, third"));
                    alice.send("bob", thirdOfFirstSession);
                    bob.connection().start();
                }
                int expected = i + 1 + extra;
                assertThat(Await.until(() -> history(bob, "alice").size() == expected, WAIT)).as("session %d: %s", i, history(bob, "alice").size()).isTrue();
            }
            // The replay of the very first message, whose session Bob's record no longer holds; then a marker from
            // someone else, delivered after it: once the marker is stored, the replay was handled.
            alice.send("bob", firsts.get(0));
            alice.send("bob", thirdOfFirstSession);
            IdentityKey bobKey = carol.startSession("bob");
            carol.send("bob", carol.seal(bobKey, carol.certificate, carol.encrypt("bob", "marker")));
            assertThat(Await.until(() -> history(bob, "carol").size() == 1, WAIT)).isTrue();
            assertThat(history(bob, "alice")).hasSize(sessions + extra);

            // Bob's current session with Alice is still the newest one: Alice can read his reply.
            bob.messaging().send("alice", "reply to the newest session");
            assertThat(alice.receiveText("bob")).isEqualTo("reply to the newest session");
        }
    }

    /** The contact's texts (each new session of Alice's also leaves a "restarted their secure session" line). */
    private static List<Message> history(ParleyApp app, String contact) {
        try {
            return app.messaging().history(contact, Optional.empty(), 50).messages().stream()
                    .filter(m -> m.direction() != Direction.SYSTEM && !m.isSystem()).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
