package dev.parley.crypto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.exceptions.ProtocolException;
import dev.parley.crypto.payload.Padding;
import dev.parley.crypto.payload.PayloadCodec;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.testing.TestParty;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated and random inputs to every parser and to decryption produce only typed {@link ProtocolException}s (never
 * an unchecked exception), and never change the stored session.
 */
class BadInputFuzzTest {
    private static final int CASES = 1500;

    private interface Parser {
        void parse(byte[] input) throws Exception;
    }

    private static void fuzz(byte[] valid, Parser parser, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            byte[] input;
            switch (random.nextInt(4)) {
                case 0:
                    input = Arrays.copyOf(valid, random.nextInt(valid.length));
                    break;
                case 1:
                    input = valid.clone();
                    for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                        input[random.nextInt(input.length)] ^= (byte) (1 + random.nextInt(255));
                    }
                    break;
                case 2:
                    input = new byte[random.nextInt(2 * valid.length + 2)];
                    random.nextBytes(input);
                    break;
                default:
                    input = Arrays.copyOf(valid, valid.length + 1 + random.nextInt(8));
                    break;
            }
            try {
                parser.parse(input);
            } catch (ProtocolException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (Exception | Error unexpected) {
                throw new AssertionError("untyped failure on case " + i + ": " + unexpected, unexpected);
            }
        }
    }

    @Test
    void parsersAndDecryptionFailOnlyWithTypedErrors() throws Exception {
        TestParty alice = new TestParty("alice", CryptoProviders.libsodium(), 1);
        TestParty bob = new TestParty("bob", CryptoProviders.libsodium(), 2);
        alice.initiate(bob, bob.publishBundle(1, true));
        CiphertextMessage first = alice.encrypt(bob, "first");
        byte[] sealed = alice.seal(bob, first);
        bob.decrypt(alice, first);
        CiphertextMessage second = alice.encrypt(bob, "second");
        byte[] record = bob.stores.sessions().loadSession(alice.name).orElseThrow().serialize();

        fuzz(first.serialize(), CiphertextMessage::deserialize, 1);
        fuzz(sealed, bob::open, 2);
        fuzz(record, SessionRecord::deserialize, 3);
        fuzz(Padding.pad(PayloadCodec.encode(alice.text("payload"))), b -> PayloadCodec.decode(Padding.unpad(b)), 4);
        fuzz(second.serialize(), b -> bob.decrypt(alice, CiphertextMessage.deserialize(b)), 5);

        assertThat(bob.stores.sessions().loadSession(alice.name).orElseThrow().serialize()).isEqualTo(record);
        assertThat(bob.decrypt(alice, second)).isEqualTo("second");
    }
}
