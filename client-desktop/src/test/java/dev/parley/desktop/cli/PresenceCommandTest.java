package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue #14's CLI {@code presence}, in-process against a real relay, with two profiles online at once. */
class PresenceCommandTest {
    private static final String NL = System.lineSeparator();

    @RegisterExtension
    final CliRelay net = new CliRelay();

    private void ok(CliRelay.Run run) {
        assertThat(run.code()).as(run.err()).isZero();
    }

    @Test
    void presenceShowsAContactOnlineThenLastSeenAndNothingWithNobody() throws Exception {
        String url = net.url();
        for (String name : new String[] {"alice", "bob"}) {
            ok(net.cli(name, "init", name, "--relay", url));
            ok(net.cli(name, "register"));
        }
        ok(net.cli("alice", "add-contact", "bob"));
        ok(net.cli("alice", "send", "bob", "hello"));
        ok(net.cli("bob", "listen", "--once"));
        assertThat(net.cli("alice", "presence", "--wait", "0").out()).isEqualTo("bob offline" + NL);
        assertThat(net.cli("bob", "presence", "--wait", "0").out()).as("a request has no presence").isEmpty();
        ok(net.cli("bob", "accept", "alice"));

        java.util.concurrent.CompletableFuture<CliRelay.Run> bobOnline =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> net.cli("bob", "presence", "--wait", "6"));
        Thread.sleep(2500);
        CliRelay.Run alice = net.cli("alice", "presence", "--wait", "2");
        ok(alice);
        assertThat(alice.out()).as("bob, online, answers alice's announcement").isEqualTo("bob online" + NL);
        CliRelay.Run bob = bobOnline.get(60, java.util.concurrent.TimeUnit.SECONDS);
        ok(bob);
        assertThat(bob.out()).as("alice announced herself (and maybe left) while bob waited")
                .matches("alice (online|last seen \\S+)" + NL);

        String later = net.cli("alice", "presence", "--wait", "0").out();
        assertThat(later).as("bob said goodbye on exit").matches("bob last seen \\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z" + NL);

        assertThat(net.cli("alice", "presence", "--share", "nobody", "--wait", "0").out()).isEqualTo("bob hidden" + NL);
        assertThat(net.cli("alice", "presence", "--share", "everyone").code()).isEqualTo(1);
        assertThat(net.cli("alice", "presence", "--share", "contacts", "--wait", "0").out()).startsWith("bob last seen");
    }
}
