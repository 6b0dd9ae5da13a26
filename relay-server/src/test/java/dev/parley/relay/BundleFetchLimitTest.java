package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Finding 3 of the security review (issue 11): a burst of bundle fetches from one account must not drain one
 * target's one-time prekeys. Real relay over WebSockets, real H2 files, real ML-KEM keys.
 */
class BundleFetchLimitTest {
    @RegisterExtension
    final DiskRelay relay = new DiskRelay();

    private TestClient signedIn(TestUser user, int preKeySets) throws Exception {
        TestClient client = relay.connect();
        user.register(client, preKeySets);
        user.authenticate(client);
        client.drainUntilQueueEmpty();
        return client;
    }

    @Test
    void finding3AHundredFetchBurstFromOneAccountTakesAtMostThreeOneTimePreKeySets() throws Exception {
        TestUser bob = new TestUser("bob");
        TestClient b = signedIn(bob, 5);
        TestUser mallory = new TestUser("mallory");
        TestClient connection = signedIn(mallory, 0);

        // 100 fetches in four connections of 25 (one connection may do 30 at once before its rate limit).
        int withOneTime = 0;
        int served = 0;
        for (int i = 0; i < 100; i++) {
            if (i > 0 && i % 25 == 0) {
                connection = relay.connect();
                mallory.authenticate(connection);
                connection.drainUntilQueueEmpty();
            }
            Response response = connection.request(new Request.FetchBundle("bob"));
            if (response instanceof Response.ErrorResponse error) {
                assertThat(error.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                continue;
            }
            served++;
            PreKeyBundle bundle = ((Response.Bundle) response).bundle();
            if (bundle.oneTimePreKey().isPresent()) {
                withOneTime++;
                assertThat(bundle.kemPreKey().id()).isNotEqualTo(bob.lastResortKemPreKey.id());
            } else {
                assertThat(bundle.kemPreKey()).isEqualTo(bob.lastResortKemPreKey);
            }
        }
        assertThat(served).isEqualTo(100);
        assertThat(withOneTime).isEqualTo(3);
        assertThat(b.request(new Request.UploadPreKeys(null, List.of()))).isEqualTo(new Response.PreKeyCount(2));

        TestClient alice = signedIn(new TestUser("alice"), 0);
        // The burst above used up this address's directory bucket: wait as the relay says, as a client would.
        Response aliceFetch = alice.request(new Request.FetchBundle("bob"));
        for (int tries = 0; tries < 50 && aliceFetch instanceof Response.ErrorResponse limited
                && limited.code() == ErrorCode.RATE_LIMITED; tries++) {
            Thread.sleep(Math.max(limited.retryAfterMillis(), 10));
            aliceFetch = alice.request(new Request.FetchBundle("bob"));
        }
        assertThat(aliceFetch).isInstanceOf(Response.Bundle.class);
        PreKeyBundle forAlice = ((Response.Bundle) aliceFetch).bundle();
        assertThat(forAlice.oneTimePreKey()).isPresent();
        assertThat(forAlice.kemPreKey()).isNotEqualTo(bob.lastResortKemPreKey);
    }

    @Test
    void oneTimeKemPreKeysAreHandedOutOnceThenTheLastResortOne() throws Exception {
        TestUser bob = new TestUser("bob");
        TestClient b = signedIn(bob, 1);
        TestClient alice = signedIn(new TestUser("alice"), 0);
        TestClient carol = signedIn(new TestUser("carol"), 0);

        PreKeyBundle first = ((Response.Bundle) alice.request(new Request.FetchBundle("bob"))).bundle();
        PreKeyBundle second = ((Response.Bundle) carol.request(new Request.FetchBundle("bob"))).bundle();
        assertThat(first.kemPreKey().id()).isNotEqualTo(bob.lastResortKemPreKey.id());
        assertThat(second.kemPreKey()).isEqualTo(bob.lastResortKemPreKey);
        assertThat(second.oneTimePreKey()).isEmpty();

        assertThat(b.request(bob.preKeySets(2))).isEqualTo(new Response.PreKeyCount(2));
        PreKeyBundle third = ((Response.Bundle) carol.request(new Request.FetchBundle("bob"))).bundle();
        assertThat(third.kemPreKey().id()).isNotEqualTo(bob.lastResortKemPreKey.id());
        assertThat(third.oneTimePreKey()).isPresent();
    }
}
