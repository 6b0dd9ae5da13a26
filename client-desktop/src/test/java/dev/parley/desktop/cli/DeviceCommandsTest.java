package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #17's CLI, in-process against a real relay, as the README documents it: {@code link-device} on one profile,
 * {@code --profile NEW init --link CODE} on a new one, {@code devices}, {@code unlink-device} (never the last
 * device; the unlinked profile is refused and wiped), and a wrong code.
 */
class DeviceCommandsTest {
    private static final Pattern CODE = Pattern.compile("code\\t([0-9A-Z-]{19})");

    @RegisterExtension
    final CliRelay net = new CliRelay();

    @Test
    void linkListAndUnlinkADeviceFromTheCommandLine() throws Exception {
        net.register("alice");
        StringWriter linking = new StringWriter();
        CompletableFuture<CliRelay.Run> existing = CompletableFuture.supplyAsync(
                () -> net.cliStreaming(linking, "alice", "link-device", "--yes", "--timeout", "60"));
        String code = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (code == null && System.nanoTime() < deadline && !existing.isDone()) {
            Matcher m = CODE.matcher(linking.toString());
            code = m.find() ? m.group(1) : null;
            Thread.sleep(20);
        }
        assertThat(code).as(linking.toString()).isNotNull();
        assertThat(linking.toString()).contains("link\tparley://link/");

        CliRelay.Run joined = CliRelay.ok(net.cli("alice-laptop", "init", "--link", code.toLowerCase(), "--relay",
                net.url(), "--device-name", "laptop"));
        assertThat(joined.out()).contains("linked\talice\tdevice 2\t");
        CliRelay.Run linked = CliRelay.ok(existing.get(60, TimeUnit.SECONDS));
        assertThat(linked.out()).endsWith("linked\t2\tlaptop" + System.lineSeparator());

        assertThat(CliRelay.ok(net.cli("alice", "devices")).out())
                .matches("(?s)1\tfirst device\t\\S+ \\S+\t\\S+ \\S+\tthis\\R2\tlaptop\t\\S+ \\S+\t\\S+ \\S+\\R");
        assertThat(CliRelay.ok(net.cli("alice-laptop", "devices")).out()).contains("2\tlaptop\t").endsWith("\tthis"
                + System.lineSeparator());

        assertThat(CliRelay.ok(net.cli("alice", "unlink-device", "2")).out()).isEqualTo("unlinked\t2"
                + System.lineSeparator());
        CliRelay.Run last = net.cli("alice", "unlink-device", "1");
        assertThat(last.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(last.err()).contains("only device");
        CliRelay.Run refused = net.cli("alice-laptop", "devices");
        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains("unlinked");
    }

    @Test
    void aWrongLinkingCodeFailsClearly() {
        CliRelay.Run wrong = net.cli("lost", "init", "--link", "ABCD-EFGH-JKMN-PQRS", "--relay", net.url());
        assertThat(wrong.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(wrong.err()).contains("wrong or expired");
        CliRelay.Run both = net.cli("lost", "init", "carol", "--link", "ABCD-EFGH-JKMN-PQRS", "--relay", net.url());
        assertThat(both.code()).isEqualTo(ExitCode.USAGE.code());
    }
}
