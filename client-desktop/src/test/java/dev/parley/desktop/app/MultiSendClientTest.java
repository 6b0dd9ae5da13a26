package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response.MultiSendStatus;
import dev.parley.crypto.wire.Response.RecipientOutcome;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code RelayGateway.sendMulti} against a real relay: one upload, the outcome of each recipient, and the retries a
 * single send gets for recipients the relay asks to try again (issue #15).
 */
class MultiSendClientTest {
    /** One recipient of a multi-send at once, then ten a second; one blob per queue. */
    @RegisterExtension
    final TestNetwork network = new TestNetwork(c -> c.withQueueQuota(1)
            .withLimit(RateLimit.MULTI_RECIPIENTS_PER_ACCOUNT, new BucketSpec(1, 10)));

    private static byte[] bytes(int length, int fill) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) fill);
        return b;
    }

    private static Request.MultiRecipient recipient(String to, int n) {
        return new Request.MultiRecipient(to, bytes(16, n), bytes(100, n));
    }

    private long relayMetric(String name) {
        for (String line : network.relay.metrics().render().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Long.parseLong(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("no metric " + name);
    }

    @Test
    void eachRecipientGetsAnOutcomeAndARateLimitedOneIsRetriedAfterTheRelaysDelay() throws Exception {
        ParleyApp alice = network.register("alice");
        network.register("bob").close();
        network.register("carol").close();
        List<Request.MultiRecipient> recipients = List.of(recipient("bob", 1), recipient("carol", 2),
                recipient("nobody", 3));
        long uploadsBefore = relayMetric("parley_relay_multi_sends_total");

        List<RecipientOutcome> outcomes = alice.gateway().sendMulti(recipients, bytes(200, 9));
        assertThat(outcomes).extracting(RecipientOutcome::to).containsExactly("bob", "carol", "nobody");
        assertThat(outcomes).extracting(RecipientOutcome::status).containsExactly(MultiSendStatus.ACCEPTED,
                MultiSendStatus.ACCEPTED, MultiSendStatus.UNKNOWN_USER);
        assertThat(relayMetric("parley_relay_multi_sends_total") - uploadsBefore)
                .as("carol was rate-limited on the first upload and sent again alone").isEqualTo(2);
        assertThat(network.relayQueued()).isEqualTo(2);

        assertThat(alice.gateway().sendMulti(recipients, bytes(200, 9))).extracting(RecipientOutcome::status)
                .as("the same client message ids again: stored nothing twice")
                .containsExactly(MultiSendStatus.DUPLICATE, MultiSendStatus.DUPLICATE, MultiSendStatus.UNKNOWN_USER);
        assertThat(network.relayQueued()).isEqualTo(2);
    }

    @Test
    void aFullQueueWhoseRetryFallsAfterTheBudgetIsReturnedAtOnceWithTheRelaysDelay() throws Exception {
        ParleyApp alice = network.register("alice");
        network.register("bob").close();
        assertThat(alice.gateway().sendMulti(List.of(recipient("bob", 1)), bytes(50, 1)))
                .extracting(RecipientOutcome::status).containsExactly(MultiSendStatus.ACCEPTED);
        Thread.sleep(150);
        long start = System.nanoTime();
        List<RecipientOutcome> full = alice.gateway().sendMulti(List.of(recipient("bob", 2)), bytes(50, 2));
        assertThat(full).extracting(RecipientOutcome::status).containsExactly(MultiSendStatus.QUEUE_FULL);
        assertThat(full.get(0).retryAfterMillis()).isGreaterThan(30_000);
        assertThat((System.nanoTime() - start) / 1_000_000).as("no wait that could not end within the budget")
                .isLessThan(10_000);
    }
}
