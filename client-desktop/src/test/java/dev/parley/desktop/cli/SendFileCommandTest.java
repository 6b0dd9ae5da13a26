package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.relay.AttachmentLimits;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimits;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code send-file} and {@code save} in-process through a real relay with real profiles (issue 13): the file arrives
 * intact, nothing of it is ever on disk in plaintext (a marker is found in neither profile nor in the relay's data
 * directory), image metadata does not travel, and every bad input ends in a clear error that leaves nothing behind.
 */
class SendFileCommandTest {
    private static final java.util.function.UnaryOperator<dev.parley.desktop.app.AppConfig> CHEAP_ARGON2 =
            config -> config.withArgon2(new dev.parley.crypto.primitives.Argon2Params(1024, 1, 1));

    @TempDir
    Path dir;
    private RelayServer relay;
    private final dev.parley.crypto.testing.MutableClock relayClock = new dev.parley.crypto.testing.MutableClock(
            java.time.Instant.now());

    @BeforeAll
    static void hardenH2() {
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
    }

    private void startRelay(AttachmentLimits attachments) throws Exception {
        RateLimits limits = RateLimits.defaults();
        for (RateLimit limit : RateLimit.values()) {
            limits = limits.with(limit, BucketSpec.UNLIMITED);
        }
        relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dir.resolve("relay")).withLimits(limits)
                .withAttachments(attachments).withSweepInterval(Duration.ofMillis(200)), relayClock,
                dev.parley.crypto.primitives.CryptoProviders.preferred());
    }

    @AfterEach
    void stopRelay() {
        if (relay != null) {
            relay.close();
        }
    }

    private record Run(int code, String out, String err) {
    }

    private Run cli(String profile, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_DATA_DIR", dir.resolve("data").toAbsolutePath().toString());
        env.put("PARLEY_PROFILE", profile);
        env.put("PARLEY_PASSPHRASE", "passphrase of " + profile);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCli.commandLine(env, new PrintWriter(out, true), new PrintWriter(err, true), CHEAP_ARGON2).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private void aliceAndBob() {
        String url = relay.uri().toString();
        assertThat(cli("alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(cli("bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(cli("alice", "register").code()).isZero();
        assertThat(cli("bob", "register").code()).isZero();
        assertThat(cli("alice", "add-contact", "bob").code()).isZero();
    }

    private String sent(Run run) {
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("sent\t");
        return run.out().strip().split("\t")[1];
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) throws IOException {
        byte[] haystack = Files.readAllBytes(file);
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void aFileTravelsEncryptedItsMarkerIsNowhereOnDiskAndATamperedOrExpiredCopyIsRefused() throws Exception {
        startRelay(AttachmentLimits.defaults().withTtl(Duration.ofDays(1)));
        aliceAndBob();
        byte[] marker = ("PARLEY-MARKER-" + HexFormat.of().formatHex(new Random().ints(8).mapToObj(Integer::toString)
                .reduce("", String::concat).getBytes(StandardCharsets.US_ASCII), 0, 8)).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        while (content.size() < 150_000) {
            content.writeBytes(marker);
            content.writeBytes(" some text between the markers\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path source = Files.createDirectories(dir.resolve("src")).resolve("report.txt");
        Files.write(source, content.toByteArray());

        String id = sent(cli("alice", "send-file", "bob", source.toString(), "--caption", "the report"));
        Run listen = cli("bob", "listen", "--once");
        assertThat(listen.code()).as(listen.err()).isZero();
        assertThat(listen.out()).contains("\t" + id + "\t📎 report.txt\\nthe report")
                .contains("attachment\t" + id + "\treport.txt\t" + content.size() + "\ttext/plain\tAVAILABLE");
        assertThat(cli("alice", "history", "bob").out())
                .contains("attachment\t" + id + "\treport.txt\t" + content.size() + "\ttext/plain\tUPLOADED");

        Path out = Files.createDirectories(dir.resolve("out"));
        Run saved = cli("bob", "save", id, out.toString());
        assertThat(saved.code()).as(saved.err()).isZero();
        assertThat(saved.out().strip()).isEqualTo("saved\t" + out.resolve("report.txt"));
        assertThat(Files.readAllBytes(out.resolve("report.txt"))).isEqualTo(content.toByteArray());
        assertThat(cli("bob", "history", "alice").out())
                .contains("attachment\t" + id + "\treport.txt\t" + content.size() + "\ttext/plain\tDOWNLOADED");
        // Saving again works from the copy kept (encrypted) in the profile; an existing target is never overwritten.
        Run again = cli("bob", "save", id, out.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("exists");
        assertThat(cli("bob", "save", id, out.resolve("copy.txt").toString()).code()).isZero();
        assertThat(Files.readAllBytes(out.resolve("copy.txt"))).isEqualTo(content.toByteArray());
        assertThat(out.toFile().list()).containsExactlyInAnyOrder("report.txt", "copy.txt");

        List<Path> scanned = new ArrayList<>(filesUnder(dir.resolve("data")));
        scanned.addAll(filesUnder(dir.resolve("relay")));
        assertThat(scanned).anyMatch(p -> p.toString().contains("attachments"));
        for (Path file : scanned) {
            assertThat(contains(file, marker)).as("marker in " + dir.relativize(file)).isFalse();
        }

        // Then a file the relay serves with one byte changed, and one that expired there.
        Path src = dir.resolve("src");
        Path rejected = Files.createDirectories(dir.resolve("rejected"));
        Path doc = src.resolve("doc.txt");
        Files.writeString(doc, "x".repeat(50_000));
        List<Path> relayFilesBefore = filesUnder(dir.resolve("relay").resolve("attachments"));
        String tamperedId = sent(cli("alice", "send-file", "bob", doc.toString()));
        assertThat(cli("bob", "listen", "--once").code()).isZero();
        // The relay's copy has one byte flipped: the digest in the pointer does not match it.
        Path stored = filesUnder(dir.resolve("relay").resolve("attachments")).stream()
                .filter(p -> p.toString().endsWith(".bin") && !relayFilesBefore.contains(p)).findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(stored);
        bytes[1000] ^= 1;
        Files.write(stored, bytes);
        Run tampered = cli("bob", "save", tamperedId, rejected.toString());
        assertThat(tampered.code()).isNotZero();
        assertThat(tampered.err()).contains("does not match");
        assertThat(rejected.toFile().list()).isEmpty();
        assertThat(filesUnder(dir.resolve("data"))).filteredOn(p -> p.toString().endsWith(".bin")
                || p.toString().endsWith(".part")).hasSize(1);
        assertThat(cli("bob", "history", "alice").out()).contains("attachment\t" + tamperedId + "\tdoc.txt\t50000\ttext/plain\tINVALID");

        String expiredId = sent(cli("alice", "send-file", "bob", doc.toString()));
        assertThat(cli("bob", "listen", "--once").code()).isZero();
        relayClock.advance(Duration.ofDays(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!filesUnder(dir.resolve("relay").resolve("attachments")).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Run expired = cli("bob", "save", expiredId, rejected.toString());
        assertThat(expired.code()).isNotZero();
        assertThat(expired.err()).contains("no longer available on the relay");
        assertThat(rejected.toFile().list()).isEmpty();
        assertThat(cli("bob", "history", "alice").out()).contains("attachment\t" + expiredId + "\tdoc.txt\t50000\ttext/plain\tEXPIRED");
    }

    @Test
    void imagesLoseTheirMetadataAndBadInputEndsInAClearError() throws Exception {
        startRelay(AttachmentLimits.defaults().withMaxBytes(300_000));
        aliceAndBob();
        Path src = Files.createDirectories(dir.resolve("src"));
        Path out = Files.createDirectories(dir.resolve("out"));
        byte[] gps = "GPS-POSITION-MARKER 48.8584N 2.2945E".getBytes(StandardCharsets.US_ASCII);
        Path photo = src.resolve("photo.jpg");
        Files.write(photo, jpegWithExif(gps));
        assertThat(contains(photo, gps)).isTrue();

        String photoId = sent(cli("alice", "send-file", "bob", photo.toString()));
        assertThat(cli("bob", "listen", "--once").out()).contains("attachment\t" + photoId + "\tphoto.jpg\t");
        assertThat(cli("bob", "save", photoId, out.toString()).code()).isZero();
        Path received = out.resolve("photo.jpg");
        assertThat(contains(received, gps)).as("GPS metadata in the received image").isFalse();
        assertThat(contains(received, "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
        BufferedImage image = ImageIO.read(received.toFile());
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(48);

        // Not an image although it is called one: a plain file, no thumbnail.
        Path fake = src.resolve("fake.jpg");
        Files.writeString(fake, "this is not a picture");
        String fakeId = sent(cli("alice", "send-file", "bob", fake.toString()));
        // A zero-byte file, and a name with a control character and leading dots.
        Path empty = src.resolve("..empty\u0001file.txt");
        Files.write(empty, new byte[0]);
        String emptyId = sent(cli("alice", "send-file", "bob", empty.toString()));
        String listened = cli("bob", "listen", "--once").out();
        assertThat(listened).contains("attachment\t" + fakeId + "\tfake.jpg\t21\tapplication/octet-stream\tAVAILABLE")
                .contains("attachment\t" + emptyId + "\tempty_file.txt\t0\ttext/plain\tAVAILABLE");
        assertThat(cli("bob", "save", emptyId, out.toString()).code()).isZero();
        assertThat(out.resolve("empty_file.txt")).isEmptyFile();
        assertThat(cli("bob", "save", fakeId, out.resolve("fake-copy").toString()).code()).isZero();
        assertThat(Files.readString(out.resolve("fake-copy"))).isEqualTo("this is not a picture");

        // Over the relay's limit: refused before any byte is stored there.
        Path big = src.resolve("big.bin");
        byte[] bigBytes = new byte[400_000];
        new Random(3).nextBytes(bigBytes);
        Files.write(big, bigBytes);
        List<Path> before = filesUnder(dir.resolve("relay").resolve("attachments"));
        Run tooBig = cli("alice", "send-file", "bob", big.toString());
        assertThat(tooBig.code()).isNotZero();
        assertThat(tooBig.err()).contains("larger than this relay accepts");
        assertThat(filesUnder(dir.resolve("relay").resolve("attachments"))).hasSameElementsAs(before);
        // A missing file, a message without a file, a target folder that does not exist.
        assertThat(cli("alice", "send-file", "bob", src.resolve("missing").toString()).err()).contains("not a readable file");
        String textId = cli("alice", "send", "bob", "just text").out().strip().split("\t")[1];
        assertThat(cli("bob", "listen", "--once").code()).isZero();
        assertThat(cli("bob", "save", textId, out.toString()).err()).contains("no file");
        assertThat(cli("bob", "save", photoId, dir.resolve("nowhere/x.jpg").toString()).err()).contains("does not exist");
    }

    /** A small JPEG with an APP1 "Exif" segment carrying {@code marker} right after SOI, as cameras write them. */
    private static byte[] jpegWithExif(byte[] marker) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        ByteArrayOutputStream exif = new ByteArrayOutputStream();
        exif.writeBytes("Exif\0\0MM\0*\0\0\0\u0008".getBytes(StandardCharsets.ISO_8859_1));
        exif.writeBytes(marker);
        byte[] payload = exif.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
