package dev.parley.relay.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private, throw-away PostgreSQL server: {@code initdb} into a temporary directory, {@code pg_ctl start} on a free
 * loopback port, trust authentication, removed on {@link #close()}. fsync is off (the tests stop PostgreSQL, never
 * the machine, and the operating system keeps what was written) but commits are synchronous, so a commit the relay
 * was told of survives PostgreSQL being killed, as it must for the failure tests. When the
 * JVM runs as root the server runs as the {@code postgres} user ({@code initdb} refuses root) in a directory that
 * user owns.
 */
public final class LocalPostgres implements AutoCloseable {
    static final String USER = "parley";
    static final String DATABASE = "parley";

    private final Path binaries;
    private final Path directory;
    private final boolean asPostgresUser;
    private int port;
    private boolean running;

    private LocalPostgres(Path binaries, Path directory, boolean asPostgresUser) {
        this.binaries = binaries;
        this.directory = directory;
        this.asPostgresUser = asPostgresUser;
    }

    /** The directory holding {@code initdb}, {@code pg_ctl} and {@code postgres}, if installed. */
    public static Optional<Path> findBinaries() {
        String configured = System.getenv("PARLEY_PG_BIN");
        if (configured != null && Files.isExecutable(Path.of(configured, "initdb"))) {
            return Optional.of(Path.of(configured));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                        .max(Comparator.comparingInt(LocalPostgres::majorVersion));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb")) && Files.isExecutable(Path.of(dir, "pg_ctl"))) {
                return Optional.of(Path.of(dir));
            }
        }
        return Optional.empty();
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Creates and starts a server on a free port. */
    public static LocalPostgres start(Path binaries) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        // /tmp, not the build directory: the postgres user must be able to reach it when the tests run as root.
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "parley-pg-");
        LocalPostgres pg = new LocalPostgres(binaries, dir, root);
        try {
            if (root) {
                pg.run(List.of("chown", "postgres:postgres", dir.toString()), false);
            }
            pg.run(List.of(binaries.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                    "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"), true);
            pg.startServer();
            pg.run(List.of(binaries.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(pg.port),
                    "-U", USER, DATABASE), true);
            return pg;
        } catch (IOException | InterruptedException | RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    private void startServer() throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            port = FreePort.find();
            try {
                run(List.of(binaries.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-w",
                        "-t", "30", "-l", directory.resolve("server.log").toString(), "-o",
                        "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off"
                                + " -c full_page_writes=off -c max_connections=200", "start"), true);
                running = true;
                return;
            } catch (IOException e) {
                last = e; // the port was taken between finding and binding it: try another
            }
        }
        throw last;
    }

    /** Starts the server again after {@link #stop()}, on the same port with its data. */
    void startAgain() throws IOException, InterruptedException {
        run(List.of(binaries.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-w", "-t", "30",
                "-l", directory.resolve("server.log").toString(), "-o",
                "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c full_page_writes=off -c max_connections=200", "start"), true);
        running = true;
    }

    public int port() {
        return port;
    }

    /** {@code postgresql://127.0.0.1:PORT/parley?user=parley}, the form {@code parley-relay --store} takes. */
    public String storeUri() {
        return "postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=" + USER;
    }

    /** The server's (postmaster's) process id, from its pid file; its backends are its children. */
    public long serverPid() throws IOException {
        return Long.parseLong(Files.readAllLines(directory.resolve("data").resolve("postmaster.pid")).get(0).trim());
    }

    void stop() throws IOException, InterruptedException {
        if (running) {
            running = false;
            run(List.of(binaries.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m",
                    "immediate", "-w", "stop"), true);
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (IOException | InterruptedException e) {
            // the directory goes anyway; a server that would not stop is reported by the next start's port check
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: it is under /tmp
        }
    }

    private void run(List<String> command, boolean asServerUser) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asServerUser && asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " failed: " + new String(output, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
