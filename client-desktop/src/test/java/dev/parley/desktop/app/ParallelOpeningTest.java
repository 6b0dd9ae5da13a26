package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.identity.IdentityKey;
import dev.parley.desktop.storage.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #12, offline pickup: envelopes are opened in parallel ahead of the sequential receive path. Exactly-once
 * delivery, order, duplicate handling and "one bad envelope never stops the others" must be what they were: an
 * offline queue of 500 good messages with bad envelopes of every kind and a duplicate mixed in, spread over several
 * batches of the real relay link, arrives complete, once each, in order, and leaves the relay's queue empty.
 */
class ParallelOpeningTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int GOOD = 500;

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void goodMessagesMixedWithBadEnvelopesAndDuplicatesArriveOnceEachInOrder() throws Exception {
        network.register("bob").close();
        int bad = 0;
        try (OutsideClient mallory = OutsideClient.register(network, "mallory")) {
            IdentityKey bob = mallory.startSession("bob");
            for (int i = 0; i < GOOD; i++) {
                byte[] good = mallory.seal(bob, mallory.certificate, mallory.encrypt("bob", "m " + i));
                mallory.send("bob", good);
                if (i % 6 != 5) {
                    continue;
                }
                bad++;
                switch ((i / 6) % 6) {
                    case 0 -> mallory.send("bob", TestNetwork.CRYPTO.random().bytes(120));
                    case 1 -> mallory.send("bob", flipped(mallory.seal(bob, mallory.certificate,
                            mallory.encrypt("bob", "flipped " + i))));
                    case 2 -> mallory.send("bob", Arrays.copyOf(good, good.length / 2));
                    case 3 -> mallory.send("bob", mallory.sealRaw(bob, mallory.selfSignedCertificate("alice",
                            TestNetwork.CRYPTO.ed25519().generateKeyPair()), mallory.encrypt("bob", "forged " + i)));
                    case 4 -> mallory.send("bob", good);
                    default -> {
                        byte[] version = mallory.seal(bob, mallory.certificate, mallory.encrypt("bob", "version " + i));
                        version[0] = (byte) 0x7f;
                        mallory.send("bob", version);
                    }
                }
            }
        }
        assertThat(network.relayQueued()).isEqualTo(GOOD + bad);

        ParleyApp bob = network.unlock("bob");
        bob.connection().start();
        assertThat(bob.connection().awaitDrained(WAIT)).isTrue();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < GOOD; i++) {
            expected.add("m " + i);
        }
        assertThat(OfflinePickupTest.chronological(bob, "mallory")).extracting(Message::body)
                .as("every good message once, in the order sent, and nothing of the bad ones").isEqualTo(expected);
        assertThat(bob.contacts().list()).extracting(c -> c.username()).containsExactly("mallory");
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT))
                .as("the bad envelopes and the duplicate acknowledged with the good ones").isTrue();
    }

    private static byte[] flipped(byte[] blob) {
        byte[] copy = blob.clone();
        copy[copy.length / 2] ^= 0x01;
        return copy;
    }
}
