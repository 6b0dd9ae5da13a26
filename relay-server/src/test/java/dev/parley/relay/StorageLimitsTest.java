package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.testing.MutableClock;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 6 (security review, issue 11): one account cannot fill the relay. One-time prekeys are capped per account,
 * prekey uploads are rate-limited per account, and what one sender may have stored is bounded.
 */
class StorageLimitsTest {
    @TempDir
    Path dataDir;
    private final MutableClock clock = new MutableClock();
    private final List<TestClient> clients = new ArrayList<>();
    private RelayServer relay;

    private void start(RelayConfig config) throws Exception {
        relay = RelayServer.start(config.withPort(0).withDataDir(dataDir), clock, CryptoProviders.preferred());
    }

    @AfterEach
    void stop() throws Exception {
        for (TestClient c : clients) {
            c.close();
        }
        relay.close();
    }

    private TestClient online(TestUser user, int preKeys) throws Exception {
        TestClient client = TestClient.connect(relay.uri());
        clients.add(client);
        user.register(client, preKeys);
        user.authenticate(client);
        client.drainUntilQueueEmpty();
        return client;
    }

    @Test
    void oneTimePreKeysAreCappedPerAccountAndAnUploadOverTheCapIsRefusedWhole() throws Exception {
        start(RelayConfig.defaults().withMaxOneTimePreKeys(50));
        TestUser alice = new TestUser("alice");
        TestClient a = online(alice, 30);
        Response.ErrorResponse over = a.expectError(new Request.UploadPreKeys(null, alice.oneTimePreKeys(21)));
        assertThat(over.code()).isEqualTo(ErrorCode.PREKEY_LIMIT);
        // The count is of one-time prekey sets: alice registered only 5 one-time KEM prekeys (5 per frame at most).
        assertThat(a.request(new Request.UploadPreKeys(null, alice.oneTimePreKeys(20))))
                .isEqualTo(new Response.PreKeyCount(5));
        assertThat(a.expectError(new Request.UploadPreKeys(null, alice.oneTimePreKeys(1))).code())
                .isEqualTo(ErrorCode.PREKEY_LIMIT);
        // A new signed prekey alone is still accepted at the cap.
        assertThat(a.request(new Request.UploadPreKeys(alice.signedPreKey, List.of()))).isEqualTo(new Response.PreKeyCount(5));

        TestClient x = TestClient.connect(relay.uri());
        clients.add(x);
        assertThat(x.expectError(new TestUser("bob").registration(x, 51, null)).code()).isEqualTo(ErrorCode.PREKEY_LIMIT);
    }

    @Test
    void prekeyUploadsAreRateLimitedPerAccountAcrossConnections() throws Exception {
        start(RelayConfig.defaults().withLimit(RateLimit.UPLOAD_PREKEYS_PER_ACCOUNT, new BucketSpec(3, 1.0 / 60)));
        TestUser alice = new TestUser("alice");
        TestClient a = online(alice, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(a.request(alice.preKeySets(1)))
                    .isInstanceOf(Response.PreKeyCount.class);
        }
        Response.ErrorResponse limited = a.expectError(alice.preKeySets(1));
        assertThat(limited.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(limited.retryAfterMillis()).isPositive();

        a.close();
        TestClient again = TestClient.connect(relay.uri());
        clients.add(again);
        alice.authenticate(again);
        assertThat(again.expectError(alice.preKeySets(1)).code())
                .as("a new connection does not reset the account's bucket").isEqualTo(ErrorCode.RATE_LIMITED);
        clock.advance(Duration.ofMinutes(1));
        assertThat(again.request(alice.preKeySets(1))).isEqualTo(new Response.PreKeyCount(4));
    }

    @Test
    void oneSenderCannotStoreMoreThanItsShareWhileOthersStillCan() throws Exception {
        start(RelayConfig.defaults().withLimit(RateLimit.STORED_BYTES_PER_ACCOUNT, new BucketSpec(10_000, 1)));
        TestUser mallory = new TestUser("mallory");
        TestUser bob = new TestUser("bob");
        TestUser carol = new TestUser("carol");
        TestClient m = online(mallory, 0);
        TestClient b = online(bob, 0);
        TestClient registrar = TestClient.connect(relay.uri());
        clients.add(registrar);
        carol.register(registrar, 0);   // carol stays offline: everything sent to her is stored
        int stored = 0;
        Response last = null;
        for (int i = 0; i < 20; i++) {
            last = m.request(new Request.Send("carol", RelayFlowTest.clientMessageId(i), new byte[1000]));
            if (!(last instanceof Response.SendAccepted)) {
                break;
            }
            stored++;
        }
        assertThat(stored).as("10,000 bytes at 1,000 + 128 a blob").isEqualTo(8);
        assertThat(last).isInstanceOf(Response.ErrorResponse.class);
        assertThat(((Response.ErrorResponse) last).code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(b.request(new Request.Send("carol", RelayFlowTest.clientMessageId(100), new byte[1000])))
                .isEqualTo(new Response.SendAccepted(false));
        TestClient c = TestClient.connect(relay.uri());
        clients.add(c);
        carol.authenticate(c);
        assertThat(c.drainUntilQueueEmpty()).hasSize(9);
    }
}
