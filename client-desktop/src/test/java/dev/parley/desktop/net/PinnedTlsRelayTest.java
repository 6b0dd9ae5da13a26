package dev.parley.desktop.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.relay.TlsSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real relay serving wss with its self-signed certificate: the client connects only with the matching pin. */
class PinnedTlsRelayTest {
    @TempDir
    Path dir;
    private RelayServer relay;
    private final TyrusRelayConnector connector = TyrusRelayConnector.standard();

    @org.junit.jupiter.api.BeforeAll
    static void hardenH2() {
        // Surefire runs every test class in one JVM; the client's storage requires this setting before H2 first loads.
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
    }

    @BeforeEach
    void start() throws Exception {
        relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dir).withTls(new TlsSettings.SelfSigned()));
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    @Test
    void connectsWithThePinnedFingerprintAndExchangesFrames() throws Exception {
        CertificateFingerprint pin = CertificateFingerprint.parse(relay.tlsFingerprint().orElseThrow());
        CompletableFuture<Push> firstPush = new CompletableFuture<>();
        try (RelayLink link = connector.connect(new RelayAddress(relay.uri(), Optional.of(pin)), listener(firstPush))) {
            assertThat(firstPush.get(30, TimeUnit.SECONDS)).isInstanceOf(Push.Challenge.class);
            Response response = link.request(new Request.FetchBundle("nobody")).get(30, TimeUnit.SECONDS);
            assertThat(response).isInstanceOf(Response.ErrorResponse.class);
        }
    }

    /** Issue #13: the bulk path (HTTP on the same listener) goes over the same TLS, trusting only the same pin. */
    @Test
    void theBulkPathGoesOverTheSameTlsWithTheSamePin() throws Exception {
        CertificateFingerprint pin = CertificateFingerprint.parse(relay.tlsFingerprint().orElseThrow());
        BulkHttp.Download answer = new BulkHttp().download(new RelayAddress(relay.uri(), Optional.of(pin)), new byte[40],
                new byte[16], 0);
        assertThat(answer.status()).as("reached the relay, which refuses a ticket it did not issue").isEqualTo(401);
        assertThat(((Response.ErrorResponse) answer.refusal()).code()).isEqualTo(dev.parley.crypto.wire.ErrorCode.AUTH_FAILED);
        CertificateFingerprint other = CertificateFingerprint.parse("AB".repeat(32));
        assertThatThrownBy(() -> new BulkHttp().download(new RelayAddress(relay.uri(), Optional.of(other)), new byte[40],
                new byte[16], 0)).isInstanceOf(BulkHttp.BrokenException.class);
    }

    /** Issue #11 finding 7: the login signature is bound to the pinned certificate (JSSE offers no TLS exporter). */
    @Test
    void finding7TheLoginSignatureMustNameThePinnedCertificate() throws Exception {
        CertificateFingerprint pin = CertificateFingerprint.parse(relay.tlsFingerprint().orElseThrow());
        dev.parley.crypto.primitives.CryptoProvider crypto = dev.parley.crypto.primitives.CryptoProviders.preferred();
        dev.parley.crypto.identity.IdentityKeyPair identity = dev.parley.crypto.identity.IdentityKeyPair.generate(crypto,
                crypto.random());
        java.util.concurrent.LinkedBlockingQueue<Push> pushes = new java.util.concurrent.LinkedBlockingQueue<>();
        try (RelayLink link = connector.connect(new RelayAddress(relay.uri(), Optional.of(pin)), new RelayLinkListener() {
            @Override
            public void onPush(Push push) {
                pushes.add(push);
            }

            @Override
            public void onClosed(String reason) {
            }
        })) {
            Push.Challenge first = (Push.Challenge) pushes.poll(30, TimeUnit.SECONDS);
            var generator = new dev.parley.crypto.session.PreKeyGenerator(dev.parley.crypto.session.ProtocolContext.of(crypto));
            var signed = generator.generateSignedPreKey(identity, 1);
            var lastResort = generator.generateKemPreKey(identity, 1, true);
            byte[] proof = crypto.ed25519().sign(identity.signingKeyPair(),
                    dev.parley.crypto.wire.AuthProof.registrationMessage(first.relayId(), "alice"));
            assertThat(link.request(new Request.Register("alice", identity.publicKey().bytes(), signed.publicPart(),
                    java.util.List.of(), lastResort.publicPart(), java.util.List.of(), null, proof)).get(30, TimeUnit.SECONDS)).isInstanceOf(Response.Ok.class);
            byte[] unbound = crypto.ed25519().sign(identity.signingKeyPair(), dev.parley.crypto.wire.AuthProof
                    .signedMessage(first.relayId(), first.nonce(), "alice", dev.parley.crypto.wire.AuthProof.noChannel()));
            Response refused = link.request(new Request.Authenticate("alice", unbound)).get(30, TimeUnit.SECONDS);
            assertThat(((Response.ErrorResponse) refused).code()).isEqualTo(dev.parley.crypto.wire.ErrorCode.AUTH_FAILED);
            Push.Challenge fresh = (Push.Challenge) pushes.poll(30, TimeUnit.SECONDS);
            byte[] bound = crypto.ed25519().sign(identity.signingKeyPair(), dev.parley.crypto.wire.AuthProof
                    .signedMessage(fresh.relayId(), fresh.nonce(), "alice", pin.bytes()));
            assertThat(link.request(new Request.Authenticate("alice", bound)).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(Response.Authenticated.class);
        }
    }

    @Test
    void refusesARelayWhoseCertificateDoesNotMatchThePin() {
        CertificateFingerprint wrong = CertificateFingerprint.parse("00".repeat(32));
        assertThatThrownBy(() -> connector.connect(new RelayAddress(relay.uri(), Optional.of(wrong)),
                listener(new CompletableFuture<>()))).isInstanceOfSatisfying(CertificateMismatchException.class,
                e -> assertThat(e.served().toString()).isNotEqualTo(wrong.toString()));
    }

    @Test
    void addressesRoundTripThroughTheirStoredForm() {
        CertificateFingerprint pin = CertificateFingerprint.parse(relay.tlsFingerprint().orElseThrow());
        RelayAddress address = new RelayAddress(relay.uri(), Optional.of(pin));
        assertThat(RelayAddress.fromText(address.toText())).isEqualTo(address);
        RelayAddress plain = RelayAddress.parse("ws://127.0.0.1:1/parley", null);
        assertThat(RelayAddress.fromText(plain.toText())).isEqualTo(plain);
        assertThatThrownBy(() -> RelayAddress.parse(relay.uri().toString(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RelayAddress.parse("http://x/parley", null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static RelayLinkListener listener(CompletableFuture<Push> firstPush) {
        return new RelayLinkListener() {
            @Override
            public void onPush(Push push) {
                firstPush.complete(push);
            }

            @Override
            public void onClosed(String reason) {
                firstPush.completeExceptionally(new IllegalStateException(reason));
            }
        };
    }
}
