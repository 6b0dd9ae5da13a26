package dev.parley.desktop.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import dev.parley.crypto.primitives.MlKem1024;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RelayLink#requestAll}: requests made together leave in one WebSocket message and are each answered. */
class CoalescedRequestsTest {
    private static final CryptoProvider CRYPTO = CryptoProviders.preferred();

    @TempDir
    Path dir;
    private RelayServer relay;
    private final TyrusRelayConnector connector = TyrusRelayConnector.standard();

    @BeforeAll
    static void hardenH2() {
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
    }

    @BeforeEach
    void start() throws Exception {
        relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dir)
                .withLimit(RateLimit.REGISTER_PER_ADDRESS, new BucketSpec(100, 1)));
    }

    @AfterEach
    void stop() {
        connector.close();
        relay.close();
    }

    @Test
    void sevenRegistrationsLeaveInOneMessageAndAreEachAnsweredInOrder() throws Exception {
        // Seven, not more: each registration carries a 1568-byte ML-KEM key, and one message holds at most 16 KiB.
        List<Request.Register> registrations = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            registrations.add(registration("user" + i));
        }
        registrations.add(registration("user3"));
        CompletableFuture<Push> challenge = new CompletableFuture<>();
        try (RelayLink link = connector.connect(new RelayAddress(relay.uri(), Optional.empty()), listener(challenge))) {
            challenge.get(30, TimeUnit.SECONDS);
            long messagesBefore = metric("parley_relay_websocket_messages_received_total");
            List<CompletableFuture<Response>> answers = link.requestAll(registrations);
            for (int i = 0; i < 7; i++) {
                assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).as("user%d", i).isEqualTo(new Response.Ok());
            }
            Response taken = answers.get(7).get(30, TimeUnit.SECONDS);
            assertThat(taken).isInstanceOf(Response.ErrorResponse.class);
            assertThat(metric("parley_relay_websocket_messages_received_total") - messagesBefore).isEqualTo(1);
            assertThat(metric("parley_relay_frames_received_total")).isGreaterThanOrEqualTo(8);
        }
    }

    private Request.Register registration(String username) {
        Ed25519KeyPair identity = CRYPTO.ed25519().generateKeyPair();
        byte[] spk = CRYPTO.x25519().generateKeyPair().publicKey();
        SignedPreKeyPublic signed = new SignedPreKeyPublic(1, spk,
                CRYPTO.ed25519().sign(identity, SignedPreKeyPublic.signedMessage(1, spk)));
        byte[] proof = CRYPTO.ed25519().sign(identity,
                dev.parley.crypto.wire.AuthProof.registrationMessage(relay.relayId(), username));
        byte[] kem = MlKem1024.publicKey(SecretBytes.wrap(CRYPTO.random().bytes(MlKem1024.SEED_BYTES)));
        KemPreKeyPublic lastResort = new KemPreKeyPublic(1, kem,
                CRYPTO.ed25519().sign(identity, KemPreKeyPublic.signedMessage(1, kem)));
        return new Request.Register(username, identity.publicKey(), signed, List.of(), lastResort, List.of(), null, proof);
    }

    private long metric(String name) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + relay.uri().getPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (String line : response.body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Long.parseLong(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("no metric " + name);
    }

    private static RelayLinkListener listener(CompletableFuture<Push> firstPush) {
        return new RelayLinkListener() {
            @Override
            public void onPush(Push push) {
                firstPush.complete(push);
            }

            @Override
            public void onPong() {
                // no pings in this test
            }

            @Override
            public void onClosed(String reason) {
                firstPush.completeExceptionally(new IllegalStateException(reason));
            }
        };
    }
}
