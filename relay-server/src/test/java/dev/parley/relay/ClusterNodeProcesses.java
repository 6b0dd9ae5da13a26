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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relay nodes as operating-system processes ({@code parley-relay}'s own main class, as the packaged relay runs),
 * started from packaging/relay/cluster/docker-compose.yml's relay services (their command lines, the image's entry
 * point, their shared identity volume and own file systems, mapped by {@link ComposeCluster}), joining a cluster
 * whose identity files are in {@code identityDir}: what a test needs to SIGKILL one. As in the compose file, the
 * first node starts alone (it creates the TLS certificate the others share), then the others.
 */
final class ClusterNodeProcesses implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (wss?://\\S+)");
    private static final Pattern FINGERPRINT = Pattern.compile("fingerprint \\(pin this in clients\\): (\\S+)");
    private final List<Process> processes = new ArrayList<>();
    private final List<URI> uris = new ArrayList<>();
    private volatile String fingerprint;

    /** Starts {@code count} nodes (at most the compose file's relay services) and waits until each listens. */
    static ClusterNodeProcesses start(Path root, Path identityDir, String storeUri, String busUri, int count)
            throws Exception {
        ComposeCluster compose = ComposeCluster.read();
        ClusterNodeProcesses nodes = new ClusterNodeProcesses();
        try {
            Path password = Files.writeString(root.resolve("store-password"), "unused-by-trust-auth\n");
            ComposeCluster.Machine machine = new ComposeCluster.Machine(root.resolve("compose"),
                    Map.of("postgres", ClusterComposeFileTest.port(storeUri), "redis", ClusterComposeFileTest.port(busUri)),
                    Map.of("postgres_password", password));
            List<String> relays = compose.relays().subList(0, count);
            Path shared = compose.hostPath(relays.get(0), "/var/lib/parley-relay", machine);
            Files.createDirectories(shared);
            for (String secret : ClusterNodes.SHARED_SECRETS) {
                Files.copy(identityDir.resolve(secret), shared.resolve(secret), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<CompletableFuture<URI>> listening = new ArrayList<>();
            for (String relay : relays) {
                List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp",
                        System.getProperty("java.class.path"), "dev.parley.relay.cli.RelayCommand"));
                command.addAll(compose.hostArgs(relay, machine));
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                nodes.processes.add(process);
                listening.add(nodes.listening(process));
                if (listening.size() == 1) {
                    nodes.await(listening.get(0));
                }
            }
            for (CompletableFuture<URI> uri : listening) {
                nodes.uris.add(nodes.await(uri));
            }
            return nodes;
        } catch (Exception e) {
            nodes.close();
            throw e;
        }
    }

    /** What authentication binds to: the pinned certificate's SHA-256 when the nodes serve TLS, else zeros. */
    byte[] channel() {
        return fingerprint == null ? dev.parley.crypto.wire.AuthProof.noChannel()
                : java.util.HexFormat.ofDelimiter(":").parseHex(fingerprint);
    }

    /** A client of node {@code node}, pinned to the cluster's certificate when the nodes serve TLS. */
    TestClient connect(int node) throws Exception {
        URI uri = uris.get(node);
        return "wss".equals(uri.getScheme()) ? TestClient.connect(uri, TlsPinningTest.pinnedClient(fingerprint))
                : TestClient.connect(uri);
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

    /** What the node processes printed, for the failure message when one does not start. */
    private final StringBuffer output = new StringBuffer();

    private URI await(CompletableFuture<URI> listening) throws Exception {
        try {
            return listening.get(90, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("a relay node process did not start; its output:\n" + output, e);
        }
    }

    private CompletableFuture<URI> listening(Process process) {
        CompletableFuture<URI> uri = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                URI listeningOn = null;
                while ((line = in.readLine()) != null) {
                    if (!uri.isDone()) {
                        output.append(line).append('\n');
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        listeningOn = URI.create(m.group(1));
                        if ("ws".equals(listeningOn.getScheme())) {
                            uri.complete(listeningOn);
                        }
                    }
                    Matcher pin = FINGERPRINT.matcher(line);
                    if (pin.find() && listeningOn != null) {
                        fingerprint = pin.group(1);
                        uri.complete(listeningOn);
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
