package dev.parley.bench.client;

import dev.parley.bench.relay.ServerProcess;
import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.desktop.app.AppConfig;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.service.AttachmentService.TransferProgress;
import dev.parley.desktop.storage.Message;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Issue #13: one file from alice to bob through a real relay on loopback, against copying the same file through a
 * plain loopback TCP socket in the same run. The relay is its own process (heap from {@code -Dparley.bench.serverHeap},
 * default 1g; #13 asks 256m); both clients live in this JVM (run it with {@code -Xmx256m}: both at once within that
 * heap is stricter than #13's one client per 256m). Timed: {@code sendFile} (encrypt, upload chunk by chunk) plus
 * bob's {@code save} (download, verify, decrypt to a file); CPU of this process and of the relay process.
 *
 * <pre>
 * java -Xmx256m -Dparley.bench.serverHeap=256m -cp bench/target/parley-bench.jar \
 *     dev.parley.bench.client.AttachmentThroughput [MiB, default 1024] [rounds, default 1]
 * java -Xmx256m -Dparley.bench.serverHeap=256m -cp bench/target/parley-bench.jar \
 *     dev.parley.bench.client.AttachmentThroughput resume [MiB, default 200]
 * </pre>
 *
 * <p>{@code resume}: the relay process is killed (SIGKILL) when half of the upload is confirmed and started again on the
 * same data directory and port; the upload goes on by itself. Printed: the chunks the relay had confirmed when killed,
 * the first confirmation after the restart, and so the chunks (and bytes) sent twice.
 */
public final class AttachmentThroughput {
    private static final String PASSPHRASE = "bench passphrase, synthetic data only";

    private AttachmentThroughput() {
    }

    public static void main(String[] args) throws Exception {
        boolean resume = args.length > 0 && args[0].equals("resume");
        int argBase = resume ? 1 : 0;
        long mib = args.length > argBase ? Long.parseLong(args[argBase]) : (resume ? 200 : 1024);
        int rounds = !resume && args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path root = Files.createTempDirectory("parley-bench-attachments");
        try {
            Path file = randomFile(root.resolve("payload.bin"), mib << 20);
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            Path relayData = Files.createDirectories(root.resolve("relay"));
            ServerProcess[] relay = {new ServerProcess("relay", relayData.toString(), Integer.toString(port))};
            try (ParleyApp alice = client(root, "alice", port); ParleyApp bob = client(root, "bob", port)) {
                alice.contacts().add("bob");
                bob.contacts().add("alice");
                alice.connection().start();
                bob.connection().start();
                System.out.printf("file %,d MiB; client JVM max heap %d MiB; relay heap %s; load average %.1f%n", mib,
                        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("parley.bench.serverHeap", "1g"),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                if (resume) {
                    resume(alice, file, relay, relayData, port);
                } else {
                    for (int round = 1; round <= rounds; round++) {
                        double tcp = tcpCopy(file, root.resolve("tcp-copy.bin"));
                        double parley = throughParley(alice, bob, file, root, relay[0], round);
                        System.out.printf("round %d: plain loopback TCP %.1f MiB/s, through the relay %.1f MiB/s, "
                                + "ratio %.2f (load average %.1f)%n", round, mib / tcp, mib / parley, tcp / parley,
                                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                    }
                }
            } finally {
                relay[0].close();
            }
        } finally {
            deleteTree(root);
        }
    }

    private static double throughParley(ParleyApp alice, ParleyApp bob, Path file, Path root, ServerProcess relay,
                                        int round) throws Exception {
        long cpu0 = processCpu();
        long relayCpu0 = relay.cpuMillis();
        long start = System.nanoTime();
        Message sent = alice.attachments().sendFile("bob", file, null, TransferProgress.NONE);
        double upload = (System.nanoTime() - start) / 1e9;
        while (bob.attachments().attachment(sent.messageId()).isEmpty()) {
            Thread.sleep(5);
        }
        Path target = Files.createDirectories(root.resolve("saved-" + round));
        long uploadCpu = processCpu() - cpu0;
        long relayUploadCpu = relay.cpuMillis() - relayCpu0;
        Path saved = bob.attachments().save(sent.messageId(), target, TransferProgress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  through the relay: %.2f s (upload %.2f s, then download+decrypt %.2f s); CPU: clients "
                        + "%.2f s (upload %.2f s), relay %.2f s (upload %.2f s); saved %,d bytes%n", seconds, upload,
                seconds - upload, (processCpu() - cpu0) / 1e9, uploadCpu / 1e9, (relay.cpuMillis() - relayCpu0) / 1e3,
                relayUploadCpu / 1e3, Files.size(saved));
        Files.delete(saved);
        return seconds;
    }

    /** Seconds to copy the file through a loopback socket into another file. */
    private static double tcpCopy(Path file, Path copy) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread receiver = new Thread(() -> {
                try (Socket s = server.accept(); InputStream in = s.getInputStream();
                     OutputStream out = Files.newOutputStream(copy)) {
                    in.transferTo(out);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "tcp-receiver");
            long start = System.nanoTime();
            receiver.start();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 OutputStream out = s.getOutputStream(); InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
            receiver.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("  plain loopback TCP copy: %.2f s%n", seconds);
            Files.delete(copy);
            return seconds;
        }
    }

    private static void resume(ParleyApp alice, Path file, ServerProcess[] relay, Path relayData, int port)
            throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        AtomicLong atKill = new AtomicLong();
        AtomicLong firstAfter = new AtomicLong(-1);
        TransferProgress killHalfway = (done, total) -> {
            if (killed.get()) {
                firstAfter.compareAndSet(-1, done);
                return;
            }
            if (done * 2 >= total) {
                killed.set(true);
                atKill.set(done);
                try {
                    relay[0].kill();
                    relay[0] = new ServerProcess("relay", relayData.toString(), Integer.toString(port));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        long start = System.nanoTime();
        alice.attachments().sendFile("bob", file, null, killHalfway);
        long chunk = AttachmentFormat.PLAIN_CHUNK_BYTES;
        long confirmedAtKill = atKill.get() / chunk;
        long confirmedAfter = firstAfter.get() / chunk;
        // Counted by the relay: the restarted one stored every chunk it confirmed; anything over the chunks after
        // those confirmed before the kill was sent twice.
        long storedAfter = relay[0].metrics().getOrDefault("parley_relay_attachment_chunks_stored_total", -1.0)
                .longValue();
        long resent = storedAfter - (AttachmentFormat.chunkCount(Files.size(file)) - confirmedAtKill);
        System.out.printf("relay killed at %,d of %,d bytes confirmed (%d chunks of %,d bytes); first confirmation after "
                        + "the restart: chunk %d; chunks the restarted relay stored: %d; chunks sent twice: %d (%,d "
                        + "bytes); whole upload %.1f s%n",
                atKill.get(), Files.size(file), confirmedAtKill, chunk, confirmedAfter, storedAfter, resent,
                resent * AttachmentFormat.CIPHER_CHUNK_BYTES, (System.nanoTime() - start) / 1e9);
    }

    private static ParleyApp client(Path root, String name, int port) throws Exception {
        AppDirectories dirs = new AppDirectories(root.resolve("profiles").toAbsolutePath());
        AppConfig config = AppConfig.defaults(dirs, new ProfileName(name)).withArgon2(new Argon2Params(8 * 1024, 1, 1));
        ParleyApp app = ParleyApp.open(config);
        app.account().create(name, new RelayAddress(URI.create("ws://127.0.0.1:" + port + "/parley"), Optional.empty()),
                PASSPHRASE.toCharArray());
        app.account().register(Optional.empty());
        return app;
    }

    private static Path randomFile(Path file, long bytes) throws Exception {
        SplittableRandom random = new SplittableRandom(13);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long v = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        block[i + b] = (byte) (v >>> (8 * b));
                    }
                }
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
        return file;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
