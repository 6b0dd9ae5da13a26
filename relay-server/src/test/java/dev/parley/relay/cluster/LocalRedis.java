package dev.parley.relay.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A private {@code redis-server} on a free loopback port, without persistence; stop and start keep the port. */
public final class LocalRedis implements AutoCloseable {
    private final Path binary;
    private final int port;
    private Process process;

    private LocalRedis(Path binary, int port) {
        this.binary = binary;
        this.port = port;
    }

    public static Optional<Path> findBinary() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin:/usr/sbin")
                .split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "redis-server"))) {
                return Optional.of(Path.of(dir, "redis-server"));
            }
        }
        return Optional.empty();
    }

    public static LocalRedis start(Path binary) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            LocalRedis redis = new LocalRedis(binary, FreePort.find());
            try {
                redis.startServer();
                return redis;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Starts the server again on its port after {@link #stop()}. */
    void startServer() throws IOException, InterruptedException {
        process = new ProcessBuilder(List.of(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue() + " (port " + port + " taken?)");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        process.destroyForcibly();
        throw new IOException("redis-server did not accept connections within 10 s");
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:PORT}, the form {@code parley-relay --bus} takes. */
    public String busUri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Kills the server (SIGKILL): everything it held is gone. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
