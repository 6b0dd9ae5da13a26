package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.wire.MultiRecipientBlob;
import dev.parley.desktop.service.connection.Outbox;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A group message's outbox entries keep the body once (issue #15, client migration V78) and still go out whole: each
 * recipient of a {@code send_multi} the relay asks to wait is sent again alone (its header and the body, as a
 * {@code send_multi} of one recipient since #17), both straight after the upload and after a restart, when the entries
 * are read back from the encrypted database (own part and shared body joined).
 */
class GroupSendRetryTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** One recipient of a multi-send at once, then ten a second: the second recipient is always RATE_LIMITED. */
    @RegisterExtension
    final TestNetwork network = new TestNetwork(c -> c.withLimit(RateLimit.MULTI_RECIPIENTS_PER_ACCOUNT,
            new BucketSpec(1, 10)));

    private static List<String> bodies(ParleyApp app, GroupId group) throws Exception {
        return app.messaging().history(ConversationId.group(group).value(), Optional.empty(), 50).messages().stream()
                .map(Message::body).toList();
    }

    private static boolean shows(ParleyApp app, GroupId group, String body) {
        try {
            return bodies(app, group).contains(body);
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aRecipientTheRelayAsksToWaitGetsItsWholeBlobAloneAlsoWhenReadBackFromTheOutbox() throws Exception {
        ParleyApp alice = network.register("alice");
        network.register("bob").close();
        network.register("carol").close();
        alice.connection().start();
        GroupId id = alice.groups().create("Crag", List.of("bob", "carol")).state().id();
        long uploads = network.relayCounter("parley_relay_multi_sends_total");
        alice.groups().send("Crag", "sent at once");
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
        assertThat(((Outbox) alice.messaging()).pending()).isEmpty();
        alice.close();

        ParleyApp offline = network.unlock("alice");
        offline.groups().send("Crag", "sent after a restart");
        List<Outbox.Item> queued = ((Outbox) offline.messaging()).pending();
        assertThat(queued).extracting(Outbox.Item::recipient).containsExactlyInAnyOrder("bob", "carol");
        assertThat(queued).allSatisfy(item -> assertThat(MultiRecipientBlob.decode(item.blob())).isPresent());
        assertThat(MultiRecipientBlob.decode(queued.get(0).blob()).orElseThrow().body())
                .as("one body, read back whole for each").isEqualTo(
                        MultiRecipientBlob.decode(queued.get(1).blob()).orElseThrow().body());
        offline.close();
        ParleyApp again = network.unlock("alice");
        again.connection().start();
        assertThat(again.connection().awaitDrained(WAIT)).isTrue();
        assertThat(((Outbox) again.messaging()).pending()).isEmpty();
        // one upload per message, then the recipient asked to wait sent again alone (a send_multi of one); a retry
        // that comes before the bucket's next token (one per 100 ms) is asked to wait again, so a loaded machine can
        // see one more round per message
        assertThat(network.relayCounter("parley_relay_multi_sends_total") - uploads)
                .as("one upload per message, then the recipient asked to wait sent again alone (a send_multi of one)")
                .isBetween(4L, 8L);

        for (String member : List.of("bob", "carol")) {
            ParleyApp app = network.unlock(member);
            app.connection().start();
            assertThat(app.connection().awaitDrained(WAIT)).isTrue();
            assertThat(Await.until(() -> shows(app, id, "sent after a restart"), WAIT)).as(member).isTrue();
            assertThat(bodies(app, id)).as(member + ": each message once")
                    .containsOnlyOnce("sent at once", "sent after a restart");
            app.close();
        }
    }
}
