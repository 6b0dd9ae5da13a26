package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.envelope.SenderCertificate;
import dev.parley.crypto.envelope.TrustedRelayKey;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.core.RelayIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue #11 finding 1, relay side: registration proves the identity key; each login gets a sender certificate. */
class SenderCertificateIssueTest {
    @RegisterExtension
    final DiskRelay relay = new DiskRelay();

    @Test
    void finding1RegistrationWithoutProofOfTheIdentityKeyIsRefused() throws Exception {
        TestClient x = relay.connect();
        TestUser alice = new TestUser("alice");
        TestUser mallory = new TestUser("mallory");
        Request.Register honest = alice.registration(x, 0, null);
        // Alice's key registered by someone who cannot sign with it (Mallory's proof), or a proof for another name
        // or another relay: all refused, and nothing is created.
        Request.Register stolenKey = new Request.Register("alice", honest.identityKey(), honest.signedPreKey(),
                List.of(), honest.lastResortKemPreKey(), List.of(), null, mallory.registration(x, 0, null).proof());
        assertThat(x.expectError(stolenKey).code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        byte[] otherName = TestUser.CRYPTO.ed25519().sign(alice.identity,
                AuthProof.registrationMessage(x.firstChallenge().relayId(), "alice2"));
        assertThat(x.expectError(new Request.Register("alice", honest.identityKey(), honest.signedPreKey(), List.of(),
                honest.lastResortKemPreKey(), List.of(), null, otherName)).code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        byte[] otherRelay = TestUser.CRYPTO.ed25519().sign(alice.identity,
                AuthProof.registrationMessage(new byte[16], "alice"));
        assertThat(x.expectError(new Request.Register("alice", honest.identityKey(), honest.signedPreKey(), List.of(),
                honest.lastResortKemPreKey(), List.of(), null, otherRelay)).code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        assertThat(x.request(honest)).isEqualTo(new Response.Ok());
    }

    @Test
    void finding1EachLoginGetsACertificateForItsUsernameAndKeySignedByTheAnnouncedRelayKey() throws Exception {
        TestClient a = relay.connect();
        TestUser alice = new TestUser("alice");
        alice.register(a, 0);
        Push.Challenge challenge = a.firstChallenge();
        Response.Authenticated authenticated = alice.authenticate(a);
        SenderCertificate certificate = SenderCertificate.parse(authenticated.senderCertificate());
        assertThat(certificate.username()).isEqualTo("alice");
        assertThat(certificate.identityKey()).isEqualTo(alice.identity.publicKey());
        long now = System.currentTimeMillis();
        assertThat(certificate.expiresAtMillis()).isBetween(now + 6L * 24 * 3600 * 1000, now + 8L * 24 * 3600 * 1000);
        TrustedRelayKey pinned = TrustedRelayKey.of(challenge.signingKey());
        pinned.verify(TestUser.CRYPTO.ed25519(), certificate, new IdentityKey(alice.identity.publicKey()), now);
    }

    @Test
    void theSigningKeyIsCreatedPrivateAndSurvivesARestart() throws Exception {
        byte[] before = relay.connect().firstChallenge().signingKey();
        Path file = relay.dataDir().resolve(RelayIdentity.SIGNING_KEY_FILE);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        relay.restart();
        assertThat(relay.connect().firstChallenge().signingKey()).isEqualTo(before);
    }
}
