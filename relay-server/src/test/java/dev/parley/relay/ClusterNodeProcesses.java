package dev.parley.relay;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relay nodes as operating-system processes ({@code parley-relay}'s own main class, as the packaged relay runs),
 * joining a cluster whose identity files are in {@code identityDir}: what a test needs to SIGKILL one.
 */
final class ClusterNodeProcesses implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (ws://\\S+)");
    private final List<Process> processes = new ArrayList<>();
    private final List<URI> uris = new ArrayList<>();

    /** Starts {@code count} nodes at once and waits until each listens. */
    static ClusterNodeProcesses start(Path root, Path identityDir, String storeUri, String busUri, int count)
            throws Exception {
        ClusterNodeProcesses nodes = new ClusterNodeProcesses();
        try {
            Path password = Files.writeString(root.resolve("store-password"), "unused-by-trust-auth\n");
            List<CompletableFuture<URI>> listening = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Path dir = Files.createDirectories(root.resolve("process-node" + i));
                for (String secret : ClusterNodes.SHARED_SECRETS) {
                    Files.copy(identityDir.resolve(secret), dir.resolve(secret), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.COPY_ATTRIBUTES);
                }
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                        "dev.parley.relay.cli.RelayCommand", "--port=0", "--metrics-port=0", "--data-dir=" + dir,
                        "--store=" + storeUri, "--store-password-file=" + password, "--bus=" + busUri,
                        "--config=" + Path.of("..", "packaging", "relay", "cluster", "cluster.properties"),
                        "--max-connections-per-address=100000")
                        .redirectErrorStream(true).start();
                nodes.processes.add(process);
                listening.add(listening(process));
            }
            for (CompletableFuture<URI> uri : listening) {
                nodes.uris.add(uri.get(90, TimeUnit.SECONDS));
            }
            return nodes;
        } catch (Exception e) {
            nodes.close();
            throw e;
        }
    }

    URI uri(int node) {
        return uris.get(node);
    }

    /** SIGKILL: the node stops at once, finishing nothing. @return the exit code (137) */
    int kill(int node) throws InterruptedException {
        Process process = processes.get(node);
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
        return process.exitValue();
    }

    private static CompletableFuture<URI> listening(Process process) {
        CompletableFuture<URI> uri = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        uri.complete(URI.create(m.group(1)));
                    }
                }
                uri.completeExceptionally(new AssertionError("the relay process ended without listening"));
            } catch (java.io.IOException e) {
                uri.completeExceptionally(e);
            }
        }, "relay-node-output");
        reader.setDaemon(true);
        reader.start();
        return uri;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
