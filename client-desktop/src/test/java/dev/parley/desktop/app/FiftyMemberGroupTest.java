package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.StoredGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #15: a 50-member group built by the test over the real relay. The admin creates it, writes, removes one
 * member and writes again; members sampled from the start, the middle and the end read what they should, and the
 * removed one reads nothing sent after its removal. To keep it fast, 45 members are registered users without a
 * profile (bare protocol clients); the admin still sets up 49 sessions and sends to all 49.
 */
class FiftyMemberGroupTest {
    private static final Duration WAIT = Duration.ofSeconds(120);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void fiftyMembersReadTheGroupAndTheRemovedOneReadsNothingLater() throws Exception {
        ParleyApp alice = network.register("alice");
        List<String> members = new ArrayList<>();
        Set<String> profiles = Set.of("member1", "member25", "member48", "member49");
        for (int i = 1; i < 50; i++) {
            String name = "member" + i;
            members.add(name);
            if (profiles.contains(name)) {
                network.register(name).close();
            } else {
                OutsideClient.register(network, name).close();   // a registered user with a bundle, no profile
            }
        }
        run(alice, members);
    }

    private void run(ParleyApp alice, List<String> members) throws Exception {
        alice.connection().start();
        StoredGroup group = alice.groups().create("Fifty", members);
        assertThat(group.state().members()).hasSize(50);
        alice.groups().send("Fifty", "hello fifty");
        alice.groups().remove("Fifty", List.of("member49"));
        alice.groups().send("Fifty", "after the removal");
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
        String conversation = ConversationId.group(group.state().id()).value();

        for (String reader : List.of("member1", "member25", "member48")) {
            ParleyApp app = network.unlock(reader);
            app.connection().start();
            assertThat(app.connection().awaitDrained(WAIT)).isTrue();
            assertThat(bodies(app, conversation)).as(reader).containsExactly("alice created the group \"Fifty\"",
                    "hello fifty", "alice removed member49", "after the removal");
            assertThat(app.groups().find("Fifty").state().members()).hasSize(49);
            app.close();
        }
        ParleyApp removed = network.unlock("member49");
        removed.connection().start();
        assertThat(removed.connection().awaitDrained(WAIT)).isTrue();
        assertThat(bodies(removed, conversation)).containsExactly("alice created the group \"Fifty\"",
                "hello fifty", "alice removed member49");
        assertThat(removed.groups().find("Fifty").active()).isFalse();
    }

    private static List<String> bodies(ParleyApp app, String conversation) throws Exception {
        List<String> bodies = new ArrayList<>(app.messaging().history(conversation, Optional.empty(), 50).messages()
                .stream().map(Message::body).toList());
        java.util.Collections.reverse(bodies);
        return bodies;
    }
}
