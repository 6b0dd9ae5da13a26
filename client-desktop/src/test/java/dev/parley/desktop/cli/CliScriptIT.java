package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code src/test/sh/cli-e2e.sh} against the repository's {@code parley-cli} launcher and the packaged
 * {@code parley-cli.jar} (so it runs in the integration-test phase, after packaging), with a real relay.
 */
class CliScriptIT {
    @TempDir
    Path dir;

    @Test
    void theLauncherScriptWorksEndToEnd() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        Path launcher = module.getParent().resolve("parley-cli");
        assertThat(module.resolve("target/parley-cli.jar")).exists();
        try (RelayServer relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dir.resolve("relay")))) {
            Path work = Files.createDirectories(dir.resolve("work"));
            Process process = new ProcessBuilder("bash", module.resolve("src/test/sh/cli-e2e.sh").toString(),
                    launcher.toString(), relay.uri().toString(), work.toString())
                    .redirectErrorStream(true).start();
            boolean finished = process.waitFor(5, TimeUnit.MINUTES);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!finished) {
                process.destroyForcibly();
            }
            assertThat(finished).as(output).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("CLI E2E OK");
        }
    }
}
