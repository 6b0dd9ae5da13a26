package dev.parley.desktop.service.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class SendRetriesTest {
    @Test
    void theDelayDoublesPerMessageUpToThirtySeconds() {
        SendRetries retries = new SendRetries();
        byte[] one = {1, 2, 3};
        byte[] two = {4, 5, 6};
        assertThat(retries.nextDelayMillis(one, "bob.1")).isEqualTo(250);
        assertThat(retries.nextDelayMillis(one, "bob.1")).isEqualTo(500);
        assertThat(retries.nextDelayMillis(one, "bob.1")).isEqualTo(1_000);
        assertThat(retries.nextDelayMillis(two, "bob.1")).as("another message starts again").isEqualTo(250);
        assertThat(retries.nextDelayMillis(one, "carol.1")).as("another recipient too").isEqualTo(250);
        for (int i = 0; i < 40; i++) {
            retries.nextDelayMillis(one, "bob.1");
        }
        assertThat(retries.nextDelayMillis(one, "bob.1")).isEqualTo(30_000);
    }

    @Test
    void onlyATimeoutCountsAsUnanswered() {
        assertThat(SendRetries.unanswered(new TimeoutException())).isTrue();
        assertThat(SendRetries.unanswered(new CompletionException(new TimeoutException()))).isTrue();
        assertThat(SendRetries.unanswered(new dev.parley.desktop.net.RelayLinkClosedException("closed"))).isFalse();
        assertThat(SendRetries.unanswered(new CompletionException(new IllegalStateException()))).isFalse();
    }
}
