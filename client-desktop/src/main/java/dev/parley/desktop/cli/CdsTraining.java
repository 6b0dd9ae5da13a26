package dev.parley.desktop.cli;

import dev.parley.crypto.primitives.Argon2Params;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run behind the launchers' class-data archive (AppCDS): the CLI's usual commands on a throw-away
 * profile in a temporary directory (cheap Argon2, a relay address on a closed port), so the archive holds the
 * classes a real command loads: picocli, H2 and Flyway, the crypto, Tyrus. Prints nothing; leaves nothing behind.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        CliLogging.select();
        java.util.logging.Logger.getLogger("org.glassfish").setLevel(java.util.logging.Level.OFF);
        Path dir = Files.createTempDirectory("parley-cds-");
        try {
            int port;
            try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = closed.getLocalPort();
            }
            Map<String, String> env = Map.of("PARLEY_DATA_DIR", dir.toString(), "PARLEY_PROFILE", "training",
                    "PARLEY_PASSPHRASE", "training only");
            String[][] commands = {{"init", "training", "--relay", "ws://127.0.0.1:" + port + "/parley"}, {"contacts"},
                {"history", "nobody"}, {"search", "word"}, {"add-contact", "--timeout", "2", "nobody"}, {"--help"}};
            for (String[] command : commands) {
                PrintWriter quiet = new PrintWriter(Writer.nullWriter());
                ParleyCli.commandLine(env, quiet, quiet, config -> config.withArgon2(new Argon2Params(1024, 1, 1)))
                        .execute(command);
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
        System.exit(0);
    }
}
