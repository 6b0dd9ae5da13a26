package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.service.account.LegacyProfileUpgrade;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #11, "Migration": profiles and a relay database made by Parley 0.1 (protocol v1), upgraded in place. The
 * fixture was made with the 0.1 CLI and relay (src/test/resources/fixtures/parley-0.1/make-fixture.sh says how):
 * alice and bob exchanged one message each way, so both hold v1 session records. On the first unlock the identity,
 * contacts and history are kept, each v1 session is removed with a system line in its conversation, and at sign-in
 * the missing last-resort KEM prekey and a new signed prekey are uploaded, so the next messages start v2 sessions.
 */
class LegacyProfileMigrationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final char[] PASSPHRASE_01 = "parley 0.1 fixture passphrase".toCharArray();

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void aProfileFromParley01KeepsItsHistoryResetsItsSessionsVisiblyAndTalksV2() throws Exception {
        Path fixture = fixture();
        network.relay.close();
        copy(fixture.resolve("relay"), network.root.resolve("relay-01"));
        copy(fixture.resolve("data-alice"), network.root.resolve("data-alice"));
        copy(fixture.resolve("data-bob"), network.root.resolve("data-bob"));
        network.startRelay("relay-01");

        ParleyApp bob = unlock01("bob");
        List<Message> bobHistory = OfflinePickupTest.chronological(bob, "alice");
        assertThat(bobHistory).extracting(Message::body)
                .containsExactly("hello bob, from 0.1", "hello alice, from 0.1", LegacyProfileUpgrade.NOTICE);
        assertThat(bobHistory.get(2).direction()).isEqualTo(Direction.SYSTEM);
        assertThat(bobHistory.get(2).isUnread()).isFalse();
        bob.connection().start();
        assertThat(bob.connection().awaitDrained(WAIT)).isTrue();

        ParleyApp alice = unlock01("alice");
        assertThat(OfflinePickupTest.chronological(alice, "bob")).extracting(Message::body)
                .containsExactly("hello bob, from 0.1", "hello alice, from 0.1", LegacyProfileUpgrade.NOTICE);
        alice.connection().start();
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
        alice.messaging().send("bob", "first v2 message");
        assertThat(Await.until(() -> lastBody(bob, "alice").equals("first v2 message"), WAIT))
                .as("bob decrypts alice's new v2 session, built from the KEM prekey bob uploaded at sign-in").isTrue();
        bob.messaging().send("alice", "v2 reply");
        assertThat(Await.until(() -> lastBody(alice, "bob").equals("v2 reply"), WAIT)).isTrue();

        bob.account().lock();
        bob.account().unlock(PASSPHRASE_01.clone());
        assertThat(OfflinePickupTest.chronological(bob, "alice")).extracting(Message::body)
                .as("the upgrade runs once").containsOnlyOnce(LegacyProfileUpgrade.NOTICE);
    }

    private ParleyApp unlock01(String name) throws Exception {
        ParleyApp app = network.open(name);
        app.account().unlock(PASSPHRASE_01.clone());
        app.account().changeRelay(network.address());
        return app;
    }

    private static String lastBody(ParleyApp app, String contact) {
        try {
            List<Message> all = OfflinePickupTest.chronological(app, contact);
            return all.isEmpty() ? "" : all.get(all.size() - 1).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(LegacyProfileMigrationTest.class.getResource("/fixtures/parley-0.1/relay/relay-id").toURI())
                .getParent().getParent();
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
