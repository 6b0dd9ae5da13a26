package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.session.PreKeyGenerator;
import dev.parley.crypto.session.ProtocolContext;
import dev.parley.crypto.testing.MutableClock;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.net.ConnectionStatus;
import dev.parley.desktop.net.RelayLink;
import dev.parley.desktop.net.RelayLinkListener;
import dev.parley.desktop.net.TyrusRelayConnector;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Finding 3 of the security review (issue 11): the client rotates its signed prekey and its last-resort KEM prekey
 * every 7 days by its injected clock (checked at every sign-in). Real relay, real
 * WebSockets, real H2 profile; the relay's answers are read by a second user speaking the wire protocol.
 */
class PreKeyRotationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void finding3SignedAndLastResortKemPreKeysRotateAfterSevenDays() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
        ParleyApp bob = registeredBob(clock);

        try (RelayLink eve = signedIn("eve")) {
            PreKeyBundle before = lastResortBundle(eve);
            assertThat(before.signedPreKey().id()).isEqualTo(1);

            clock.advance(Duration.ofDays(6));
            bob.connection().start();
            awaitOnline(bob);
            assertThat(bundle(eve).signedPreKey().id()).as("not yet due after 6 days").isEqualTo(1);

            clock.advance(Duration.ofDays(1));
            bob.connection().stop();
            bob.connection().start();
            awaitOnline(bob);
            assertThat(Await.until(() -> bundle(eve).signedPreKey().id() == 2, WAIT)).isTrue();
            PreKeyBundle after = lastResortBundle(eve);
            assertThat(after.kemPreKey().id()).isNotEqualTo(before.kemPreKey().id());
            assertThat(after.kemPreKey().publicKey()).isNotEqualTo(before.kemPreKey().publicKey());
        }
    }

    /**
     * Finding 3, retention: a replaced signed prekey is kept 30 days after its successor was made, so a late first
     * message naming it still decrypts, and is deleted after that, so one naming it no longer does. mallory and trudy
     * fetched bob's bundle (signed prekey 1) before any rotation; bob's injected clock then moves on.
     */
    @Test
    void finding3AReplacedSignedPreKeyServesLateFirstMessagesFor30DaysThenIsDeleted() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
        ParleyApp bob = registeredBob(clock);
        try (OutsideClient mallory = OutsideClient.register(network, "mallory");
             OutsideClient trudy = OutsideClient.register(network, "trudy")) {
            mallory.startSessionNow("bob");
            trudy.startSessionNow("bob");

            clock.advance(Duration.ofDays(7));
            signInAndAwaitSignedPreKeys(bob, List.of(1, 2));
            clock.advance(Duration.ofDays(29));
            signInAndAwaitSignedPreKeys(bob, List.of(1, 2, 3));
            mallory.sendTextAs("mallory", "bob", "late, within retention");
            assertThat(Await.until(() -> historySize(bob, "mallory") == 1, WAIT))
                    .as("signed prekey 1 still decrypts 29 days after its successor").isTrue();

            clock.advance(Duration.ofDays(2));
            signInAndAwaitSignedPreKeys(bob, List.of(2, 3));
            trudy.sendTextAs("trudy", "bob", "too late");
            assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).as("rejected and acknowledged").isTrue();
            assertThat(historySize(bob, "trudy")).as("signed prekey 1 is gone 31 days after its successor").isZero();
        }
    }

    /**
     * A rotation whose upload the relay refuses is published at the next sign-in. The relay allows bob one prekey
     * upload a year: his first sign-in (day 6, no rotation due) spends it on the first frame of his one-time top-up
     * (the next is refused), so the day-7 rotation's upload is refused too. bob keeps the new keys, marked
     * unpublished, and the relay keeps handing out the old ones; once the relay allows uploads again, the next sign-in
     * publishes them (nothing is due then) and a new contact starts a session with them. Fails without
     * {@code PreKeyRotation.publishCurrent}: the relay then keeps signed prekey 1.
     */
    @Test
    void aRotationTheRelayRefusedIsPublishedAtTheNextSignIn() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
        ParleyApp bob = registeredBob(clock);
        network.restartRelay(config -> config.withLimit(RateLimit.UPLOAD_PREKEYS_PER_ACCOUNT,
                new BucketSpec(1, 1.0 / Duration.ofDays(365).toSeconds())));
        long atStart = network.relayRejects("RATE_LIMITED");

        clock.advance(Duration.ofDays(6));
        bob.connection().start();
        awaitOnline(bob);
        assertThat(Await.until(() -> network.relayRejects("RATE_LIMITED") > atStart, WAIT))
                .as("a top-up frame is refused: bob's one upload is spent").isTrue();
        bob.connection().stop();
        long beforeRotation = network.relayRejects("RATE_LIMITED");

        clock.advance(Duration.ofDays(1));
        signInAndAwaitSignedPreKeys(bob, List.of(1, 2));
        assertThat(Await.until(() -> network.relayRejects("RATE_LIMITED") > beforeRotation, WAIT))
                .as("the rotation's upload is refused").isTrue();
        try (OutsideClient dave = OutsideClient.register(network, "dave")) {
            assertThat(bundleVia(dave).signedPreKey().id()).as("the relay still hands out the old key").isEqualTo(1);
        }

        bob.connection().stop();
        network.restartRelay(config -> config);
        bob.connection().start();
        awaitOnline(bob);
        try (OutsideClient carol = OutsideClient.register(network, "carol")) {
            assertThat(Await.until(() -> bundleVia(carol).signedPreKey().id() == 2, WAIT))
                    .as("the next sign-in publishes the stored rotation").isTrue();
            assertThat(signedPreKeyIds(bob)).containsExactly(1, 2);
            carol.startSessionNow("bob");
            carol.sendTextAs("carol", "bob", "hello with your new keys");
            assertThat(Await.until(() -> historySize(bob, "carol") == 1, WAIT))
                    .as("a new contact's first message on the published keys decrypts").isTrue();
        }
    }

    private static PreKeyBundle bundleVia(OutsideClient client) {
        try {
            return client.bundle("bob");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** bob's profile on {@code clock}, created and registered (signed prekey 1 made at the clock's time). */
    private ParleyApp registeredBob(MutableClock clock) throws Exception {
        AppConfig base = network.config("bob");
        ParleyApp bob = network.track(ParleyApp.open(new AppConfig(base.directories(), base.profile(), base.crypto(),
                base.random(), clock, base.argon2(), base.connector(), base.reconnect(), base.connection(),
                base.preKeyStock(), base.inbound())));
        bob.account().create("bob", network.address(), TestNetwork.PASSPHRASE.clone());
        bob.account().register(Optional.empty());
        return bob;
    }

    private static void signInAndAwaitSignedPreKeys(ParleyApp bob, List<Integer> ids) throws Exception {
        bob.connection().stop();
        bob.connection().start();
        awaitOnline(bob);
        assertThat(Await.until(() -> signedPreKeyIds(bob).equals(ids), WAIT))
                .as("bob's stored signed prekeys become %s", ids).isTrue();
    }

    private static List<Integer> signedPreKeyIds(ParleyApp app) {
        try {
            var crypto = app.crypto();
            crypto.lock().lock();
            try {
                return crypto.state().begin().loadSignedPreKeys().stream().map(r -> r.id()).toList();
            } finally {
                crypto.lock().unlock();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int historySize(ParleyApp app, String contact) {
        try {
            return app.messaging().history(contact, Optional.empty(), 10).messages().size();
        } catch (dev.parley.desktop.service.UnknownContactException e) {
            return 0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitOnline(ParleyApp app) throws InterruptedException {
        assertThat(Await.until(() -> {
            try {
                return app.connection().state().get().status() == ConnectionStatus.ONLINE;
            } catch (Exception e) {
                return false;
            }
        }, WAIT)).isTrue();
    }

    private static PreKeyBundle bundle(RelayLink link) {
        try {
            return ((Response.Bundle) link.request(new Request.FetchBundle("bob")).get(30, TimeUnit.SECONDS)).bundle();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A bundle carrying bob's last-resort KEM prekey: eve's per-target one-time fetches are used up first. */
    private static PreKeyBundle lastResortBundle(RelayLink link) {
        PreKeyBundle bundle = bundle(link);
        while (bundle.oneTimePreKey().isPresent()) {
            bundle = bundle(link);
        }
        return bundle;
    }

    private RelayLink signedIn(String name) throws Exception {
        CryptoProvider crypto = TestNetwork.CRYPTO;
        IdentityKeyPair identity = IdentityKeyPair.generate(crypto, crypto.random());
        CompletableFuture<Push.Challenge> challenge = new CompletableFuture<>();
        RelayLink link = TyrusRelayConnector.standard().connect(network.address(), new RelayLinkListener() {
            @Override
            public void onPush(Push push) {
                if (push instanceof Push.Challenge) {
                    challenge.complete((Push.Challenge) push);
                }
            }

            @Override
            public void onClosed(String reason) {
                challenge.completeExceptionally(new IllegalStateException("closed: " + reason));
            }
        });
        PreKeyGenerator generator = new PreKeyGenerator(ProtocolContext.of(crypto));
        Push.Challenge c = challenge.get(30, TimeUnit.SECONDS);
        byte[] proof = crypto.ed25519().sign(identity.signingKeyPair(), AuthProof.registrationMessage(c.relayId(), name));
        assertThat(link.request(new Request.Register(name, identity.publicKey().bytes(),
                generator.generateSignedPreKey(identity, 1).publicPart(), List.of(),
                generator.generateKemPreKey(identity, 1, true).publicPart(), List.of(), null, proof))
                .get(30, TimeUnit.SECONDS)).isInstanceOf(Response.Ok.class);
        byte[] signature = crypto.ed25519().sign(identity.signingKeyPair(),
                AuthProof.signedMessage(c.relayId(), c.nonce(), name, AuthProof.noChannel()));
        assertThat(link.request(new Request.Authenticate(name, signature)).get(30, TimeUnit.SECONDS))
                .isInstanceOf(Response.Authenticated.class);
        return link;
    }
}
