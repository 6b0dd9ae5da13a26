package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #14, finding people: the relay answers "exists or not" for an exact username, to authenticated clients only,
 * rate limited per account (a flood from one account is refused; another connection of it does not help), and stores
 * nothing about it. Real relay over WebSockets, real H2 files.
 */
class LookupTest {
    @RegisterExtension
    final DiskRelay relay = new DiskRelay();

    private TestClient signedIn(TestUser user) throws Exception {
        TestClient client = relay.connect();
        user.register(client, 1);
        user.authenticate(client);
        client.drainUntilQueueEmpty();
        return client;
    }

    @Test
    void anAuthenticatedClientLearnsExistsOrNotForAnExactName() throws Exception {
        signedIn(new TestUser("bobby"));
        TestClient alice = signedIn(new TestUser("alice"));
        assertThat(alice.request(new Request.Lookup("bobby"))).isEqualTo(new Response.LookupResult(true));
        assertThat(alice.request(new Request.Lookup("bob"))).as("no prefix match").isEqualTo(new Response.LookupResult(false));
        assertThat(alice.request(new Request.Lookup("carol"))).isEqualTo(new Response.LookupResult(false));
        assertThat(alice.request(new Request.Lookup("BOBBY or 1=1"))).isEqualTo(new Response.LookupResult(false));
    }

    @Test
    void anUnauthenticatedClientIsRefused() throws Exception {
        signedIn(new TestUser("bobby"));
        TestClient stranger = relay.connect();
        Response response = stranger.request(new Request.Lookup("bobby"));
        assertThat(response).isInstanceOf(Response.ErrorResponse.class);
        assertThat(((Response.ErrorResponse) response).code()).isEqualTo(ErrorCode.NOT_AUTHENTICATED);
    }

    @Test
    void aLookupFloodIsRateLimitedPerAccountAcrossConnections() throws Exception {
        TestUser mallory = new TestUser("mallory");
        TestClient first = signedIn(mallory);
        int answered = 0;
        Response.ErrorResponse limited = null;
        for (int i = 0; i < 30 && limited == null; i++) {
            Response response = first.request(new Request.Lookup("user" + i));
            if (response instanceof Response.ErrorResponse error) {
                limited = error;
            } else {
                answered++;
            }
        }
        assertThat(answered).isEqualTo(20);
        assertThat(limited.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(limited.retryAfterMillis()).isPositive();
        assertThat(limited.reason()).doesNotContain("user");

        TestClient second = relay.connect();
        mallory.authenticate(second);
        second.drainUntilQueueEmpty();
        Response again = second.request(new Request.Lookup("someone"));
        assertThat(again).as("the limit is the account's, not the connection's").isInstanceOf(Response.ErrorResponse.class);
    }

    @Test
    void nothingAboutALookupIsStored() throws Exception {
        TestClient alice = signedIn(new TestUser("alice"));
        alice.request(new Request.Lookup("zanzibarquest"));
        relay.stop();
        try (Stream<Path> files = Files.walk(relay.dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.getFileName().toString()).doesNotContain("zanzibarquest");
            }
        }
    }
}
