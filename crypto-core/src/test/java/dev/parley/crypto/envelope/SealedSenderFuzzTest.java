package dev.parley.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.primitives.InvalidPublicKeyException;
import dev.parley.crypto.session.CiphertextMessage;
import dev.parley.crypto.testing.DeterministicRandom;

/**
 * Coverage-guided fuzzing of {@link SealedSender#open}, the first thing a client does with a delivered blob.
 * Random bytes never open the outer sealed box, so the targets also seal fuzzer-chosen content to the recipient (the
 * relay or any user can send exactly that), reaching the inner header parser. Regression pass in {@code mvn verify};
 * long run in docs/testing.md.
 *
 * <p>Properties: only {@link InvalidMessageException} and {@link UnsupportedVersionException} escape; an envelope
 * sealed by {@link SealedSender#seal} with any valid username and any valid ciphertext message opens to exactly that
 * sender, username and message.
 */
class SealedSenderFuzzTest {
    private static final CryptoProvider CRYPTO = CryptoProviders.libsodium();
    private static final IdentityKeyPair SENDER = IdentityKeyPair.generate(CRYPTO, new DeterministicRandom(1));
    private static final IdentityKeyPair RECIPIENT = IdentityKeyPair.generate(CRYPTO, new DeterministicRandom(2));
    private static final SealedSender SEALED_SENDER = new SealedSender(CRYPTO);
    private static final dev.parley.crypto.testing.TestRelayKey RELAY =
            new dev.parley.crypto.testing.TestRelayKey(CRYPTO, (byte) 7);
    private static final long NOW = 1_763_790_000_000L;

    /** The blob as the relay delivers it. */
    @FuzzTest
    void openRaw(byte[] input) {
        openExpectingOnlyTypedErrors(input);
    }

    /** Any content sealed to the recipient: exercises the inner header, username and MAC checks. */
    @FuzzTest
    void openSealedContent(byte[] content) throws InvalidPublicKeyException {
        byte[] box = CRYPTO.sealedBox().seal(RECIPIENT.publicKey().x25519PublicKey(CRYPTO), content);
        byte[] sealed = new byte[1 + box.length];
        sealed[0] = SealedSender.VERSION;
        System.arraycopy(box, 0, sealed, 1, box.length);
        openExpectingOnlyTypedErrors(sealed);
    }

    /** seal then open gives back the same sender, username and message, for any valid username and message. */
    @FuzzTest
    void sealOpenRoundTrip(FuzzedDataProvider data) throws Exception {
        String name = data.consumeString(Username.MAX_CODE_POINTS + 8);
        byte[] body = data.consumeRemainingAsBytes();
        Username username;
        CiphertextMessage message;
        SenderCertificate certificate;
        try {
            username = new Username(name);
            message = CiphertextMessage.deserialize(body);
            certificate = RELAY.issue(name, SENDER.publicKey(), NOW);
        } catch (IllegalArgumentException | InvalidMessageException | UnsupportedVersionException notValid) {
            return;
        }
        byte[] sealed = SEALED_SENDER.seal(RECIPIENT.publicKey(), SENDER, certificate, message);
        OpenedEnvelope opened = SEALED_SENDER.open(RECIPIENT, sealed, RELAY.trusted(), NOW);
        assertThat(opened.senderIdentity()).isEqualTo(SENDER.publicKey());
        assertThat(opened.senderUsername()).isEqualTo(username);
        assertThat(opened.message().serialize()).isEqualTo(body);
    }

    private static void openExpectingOnlyTypedErrors(byte[] sealed) {
        try {
            SEALED_SENDER.open(RECIPIENT, sealed, RELAY.trusted(), NOW);
            throw new AssertionError("an envelope without a valid sender MAC opened");
        } catch (InvalidMessageException | UnsupportedVersionException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
