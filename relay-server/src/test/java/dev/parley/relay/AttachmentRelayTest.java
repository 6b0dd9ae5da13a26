package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.attachment.AttachmentDecryptor;
import dev.parley.crypto.attachment.AttachmentEncryptor;
import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.testing.MutableClock;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attachments through a real relay over real WebSockets (docs/protocol.md, "Attachments"): chunked upload and download
 * of a really encrypted file, readers only, resume after a disconnect and a restart (with a torn chunk left by a
 * kill), size limit and quota refused before anything is written, expiry and the sweeper.
 */
class AttachmentRelayTest {
    private static final int CHUNK = AttachmentFormat.CIPHER_CHUNK_BYTES;
    @TempDir
    Path dataDir;
    private final MutableClock clock = new MutableClock();
    private final List<TestClient> clients = new ArrayList<>();
    private RelayServer relay;
    private RelayConfig config = RelayConfig.defaults();

    private void start() throws Exception {
        relay = RelayServer.start(config.withPort(0).withDataDir(dataDir), clock, CryptoProviders.preferred());
    }

    @AfterEach
    void stop() throws Exception {
        for (TestClient c : clients) {
            c.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    private TestClient online(TestUser user, boolean register) throws Exception {
        TestClient client = TestClient.connect(relay.uri());
        clients.add(client);
        if (register) {
            user.register(client, 1);
        }
        user.authenticate(client);
        client.drainUntilQueueEmpty();
        return client;
    }

    private static List<byte[]> encrypt(SecretBytes key, byte[] file) throws Exception {
        AttachmentEncryptor encryptor = new AttachmentEncryptor(CryptoProviders.preferred().secretBox(), key,
                new ByteArrayInputStream(file), file.length);
        List<byte[]> chunks = new ArrayList<>();
        while (encryptor.hasNext()) {
            chunks.add(encryptor.next());
        }
        chunks.add(encryptor.digest());
        return chunks;
    }

    private static long total(List<byte[]> chunks) {
        return chunks.stream().limit(chunks.size() - 1).mapToLong(c -> c.length).sum();
    }

    private List<Path> attachmentFiles() throws Exception {
        try (Stream<Path> files = Files.list(dataDir.resolve("attachments"))) {
            return files.sorted().toList();
        }
    }

    @Test
    void aReaderDownloadsWhatTheUploaderSentAndNobodyElseCan() throws Exception {
        start();
        TestUser alice = new TestUser("alice");
        TestUser bob = new TestUser("bob");
        TestUser carol = new TestUser("carol");
        TestClient a = online(alice, true);
        TestClient b = online(bob, true);
        TestClient c = online(carol, true);
        byte[] file = new byte[3 * AttachmentFormat.PLAIN_CHUNK_BYTES + 1234];
        new Random(1).nextBytes(file);
        SecretBytes key = SecretBytes.copyOf(CryptoProviders.preferred().random().bytes(32));
        List<byte[]> chunks = encrypt(key, file);
        byte[] digest = chunks.get(chunks.size() - 1);
        int count = chunks.size() - 1;

        Response.AttachmentCreated created = (Response.AttachmentCreated) a.request(
                new Request.AttachmentBegin(total(chunks), List.of("bob")));
        byte[] id = created.attachmentId();
        assertThat(id).hasSize(16);
        assertThat(created.chunkBytes()).isEqualTo(CHUNK);
        assertThat(created.expiresAtMillis()).isEqualTo(clock.instant().plus(Duration.ofDays(30)).toEpochMilli());
        for (int i = 0; i < count - 1; i++) {
            assertThat(a.request(new Request.AttachmentPut(id, i, chunks.get(i))))
                    .isEqualTo(new Response.AttachmentProgress(i + 1, false));
        }
        // Not downloadable before it is complete, not even by a reader.
        assertThat(b.expectError(new Request.AttachmentGet(id, 0)).code()).isEqualTo(ErrorCode.UNKNOWN_ATTACHMENT);
        assertThat(attachmentFiles()).extracting(p -> p.getFileName().toString())
                .allMatch(n -> n.endsWith(".part") || n.endsWith(".meta"));
        // Only the uploader writes.
        assertThat(b.expectError(new Request.AttachmentPut(id, count - 1, chunks.get(count - 1))).code())
                .isEqualTo(ErrorCode.UNKNOWN_ATTACHMENT);
        assertThat(a.request(new Request.AttachmentPut(id, count - 1, chunks.get(count - 1))))
                .isEqualTo(new Response.AttachmentProgress(count, true));
        assertThat(attachmentFiles()).extracting(p -> p.getFileName().toString())
                .noneMatch(n -> n.endsWith(".part"));

        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            Response.AttachmentChunk chunk = (Response.AttachmentChunk) b.request(new Request.AttachmentGet(id, i));
            assertThat(chunk.totalChunks()).isEqualTo(count);
            ciphertext.writeBytes(chunk.chunk());
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        AttachmentDecryptor.decrypt(CryptoProviders.preferred().secretBox(), key, file.length, digest,
                new ByteArrayInputStream(ciphertext.toByteArray()), plain);
        assertThat(plain.toByteArray()).isEqualTo(file);
        // The uploader may read its own; another account with the id may not, nor may anyone read past the end.
        assertThat(a.request(new Request.AttachmentGet(id, 0))).isInstanceOf(Response.AttachmentChunk.class);
        assertThat(c.expectError(new Request.AttachmentGet(id, 0)).code()).isEqualTo(ErrorCode.UNKNOWN_ATTACHMENT);
        assertThat(b.expectError(new Request.AttachmentGet(id, count)).code()).isEqualTo(ErrorCode.UNKNOWN_ATTACHMENT);
        assertThat(c.expectError(new Request.AttachmentGet(new byte[16], 0)).code()).isEqualTo(ErrorCode.UNKNOWN_ATTACHMENT);
        // A complete upload takes no more chunks; the relay files never name a user.
        assertThat(a.expectError(new Request.AttachmentPut(id, count, chunks.get(0))).code()).isEqualTo(ErrorCode.INVALID_FIELD);
        for (Path f : attachmentFiles()) {
            assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain("alice").doesNotContain("bob");
        }
    }

    @Test
    void aSharedAttachmentIsReadWithItsTokenByAnyAccountAndRefusedWithoutIt() throws Exception {
        start();
        TestClient a = online(new TestUser("alice"), true);
        TestClient b = online(new TestUser("bob"), true);
        TestClient c = online(new TestUser("carol"), true);
        byte[] file = new byte[AttachmentFormat.PLAIN_CHUNK_BYTES + 10];
        new Random(2).nextBytes(file);
        byte[] keyBytes = CryptoProviders.preferred().random().bytes(32);
        byte[] token = dev.parley.crypto.attachment.AttachmentReadToken.derive(CryptoProviders.preferred(), keyBytes);
        List<byte[]> chunks = encrypt(SecretBytes.copyOf(keyBytes), file);
        int count = chunks.size() - 1;

        byte[] id = ((Response.AttachmentCreated) a.request(new Request.AttachmentBeginShared(total(chunks),
                dev.parley.crypto.attachment.AttachmentReadToken.hash(token)))).attachmentId();
        for (int i = 0; i < count; i++) {
            a.request(new Request.AttachmentPut(id, i, chunks.get(i)));
        }
        for (TestClient reader : List.of(b, c)) {
            for (int i = 0; i < count; i++) {
                assertThat(((Response.AttachmentChunk) reader.request(new Request.AttachmentGetShared(id, i, token)))
                        .chunk()).isEqualTo(chunks.get(i));
            }
        }
        byte[] wrong = token.clone();
        wrong[0] ^= 1;
        assertThat(c.expectError(new Request.AttachmentGetShared(id, 0, wrong)).code())
                .isEqualTo(ErrorCode.UNKNOWN_ATTACHMENT);
        assertThat(c.expectError(new Request.AttachmentGet(id, 0)).code()).as("without the token")
                .isEqualTo(ErrorCode.UNKNOWN_ATTACHMENT);
        // The old form stays readable with the new frame, by its named reader only.
        byte[] named = ((Response.AttachmentCreated) a.request(new Request.AttachmentBegin(total(chunks),
                List.of("bob")))).attachmentId();
        for (int i = 0; i < count; i++) {
            a.request(new Request.AttachmentPut(named, i, chunks.get(i)));
        }
        assertThat(b.request(new Request.AttachmentGetShared(named, 0, wrong))).isInstanceOf(Response.AttachmentChunk.class);
        assertThat(c.expectError(new Request.AttachmentGetShared(named, 0, token)).code())
                .isEqualTo(ErrorCode.UNKNOWN_ATTACHMENT);
        assertThat(relay.metrics().render()).contains("parley_relay_attachments_begun_total 2")
                .contains("parley_relay_attachment_chunks_stored_total " + (2 * count));
    }

    @Test
    void anUploadResumesFromTheLastConfirmedChunkAfterADisconnectAndAKilledRelay() throws Exception {
        start();
        TestUser alice = new TestUser("alice");
        TestUser bob = new TestUser("bob");
        TestClient a = online(alice, true);
        online(bob, true);
        byte[] file = new byte[6 * AttachmentFormat.PLAIN_CHUNK_BYTES];
        new Random(2).nextBytes(file);
        SecretBytes key = SecretBytes.copyOf(CryptoProviders.preferred().random().bytes(32));
        List<byte[]> chunks = encrypt(key, file);
        int count = chunks.size() - 1;
        byte[] id = ((Response.AttachmentCreated) a.request(new Request.AttachmentBegin(total(chunks), List.of("bob"))))
                .attachmentId();
        for (int i = 0; i < 3; i++) {
            a.request(new Request.AttachmentPut(id, i, chunks.get(i)));
        }
        // Out of order and wrong length are refused and change nothing.
        assertThat(a.expectError(new Request.AttachmentPut(id, 4, chunks.get(4))).code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(a.expectError(new Request.AttachmentPut(id, 3, new byte[100])).code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(a.request(new Request.AttachmentStatus(id))).isEqualTo(new Response.AttachmentProgress(3, false));

        // The relay is killed while writing chunk 3: half of it reached the file.
        relay.halt();
        relay = null;
        clients.clear();
        Path part = dataDir.resolve("attachments").resolve(java.util.HexFormat.of().formatHex(id) + ".part");
        Files.write(part, java.util.Arrays.copyOf(chunks.get(3), CHUNK / 2), StandardOpenOption.APPEND);
        start();
        a = online(alice, false);
        TestClient b = online(bob, false);
        assertThat(a.request(new Request.AttachmentStatus(id))).isEqualTo(new Response.AttachmentProgress(3, false));
        assertThat(Files.size(part)).isEqualTo(3L * CHUNK);
        long resent = 0;
        for (int i = 3; i < count; i++) {
            a.request(new Request.AttachmentPut(id, i, chunks.get(i)));
            resent++;
        }
        assertThat(resent).as("chunks sent again after the kill").isEqualTo(count - 3);
        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            ciphertext.writeBytes(((Response.AttachmentChunk) b.request(new Request.AttachmentGet(id, i))).chunk());
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        AttachmentDecryptor.decrypt(CryptoProviders.preferred().secretBox(), key, file.length, chunks.get(count),
                new ByteArrayInputStream(ciphertext.toByteArray()), plain);
        assertThat(plain.toByteArray()).isEqualTo(file);
    }

    @Test
    void tooLargeOverQuotaAndUnknownReadersAreRefusedBeforeAnythingIsWritten() throws Exception {
        config = config.withAttachments(AttachmentLimits.defaults().withMaxBytes(1L << 20).withQuotaBytes(1_500_000));
        start();
        TestUser alice = new TestUser("alice");
        TestClient a = online(alice, true);
        online(new TestUser("bob"), true);
        assertThat(a.expectError(new Request.AttachmentBegin((1L << 20) + 1, List.of("bob"))).code())
                .isEqualTo(ErrorCode.ATTACHMENT_TOO_LARGE);
        assertThat(a.expectError(new Request.AttachmentBegin(Long.MAX_VALUE, List.of("bob"))).code())
                .isEqualTo(ErrorCode.ATTACHMENT_TOO_LARGE);
        assertThat(a.expectError(new Request.AttachmentBegin(1000, List.of("nobody"))).code())
                .isEqualTo(ErrorCode.UNKNOWN_USER);
        assertThat(a.expectError(new Request.AttachmentBegin(10, List.of("bob"))).code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(attachmentFiles()).isEmpty();
        assertThat(a.request(new Request.AttachmentBegin(1L << 20, List.of("bob")))).isInstanceOf(Response.AttachmentCreated.class);
        // The reservation counts before any chunk arrives: a second upload would overrun the quota.
        assertThat(a.expectError(new Request.AttachmentBegin(600_000, List.of("bob"))).code())
                .isEqualTo(ErrorCode.QUOTA_EXCEEDED);
        assertThat(attachmentFiles()).hasSize(2);
        assertThat(a.request(new Request.AttachmentBegin(400_000, List.of("bob")))).isInstanceOf(Response.AttachmentCreated.class);
    }

    @Test
    void expiredAttachmentsAreGoneAndTheSweeperDeletesTheirFiles() throws Exception {
        config = config.withSweepInterval(Duration.ofMillis(100))
                .withAttachments(AttachmentLimits.defaults().withTtl(Duration.ofDays(2)));
        start();
        TestUser alice = new TestUser("alice");
        TestClient a = online(alice, true);
        TestClient b = online(new TestUser("bob"), true);
        List<byte[]> chunks = encrypt(SecretBytes.copyOf(new byte[32]), new byte[10]);
        byte[] id = ((Response.AttachmentCreated) a.request(new Request.AttachmentBegin(total(chunks), List.of("bob"))))
                .attachmentId();
        a.request(new Request.AttachmentPut(id, 0, chunks.get(0)));
        assertThat(b.request(new Request.AttachmentGet(id, 0))).isInstanceOf(Response.AttachmentChunk.class);
        clock.advance(Duration.ofDays(2));
        assertThat(b.expectError(new Request.AttachmentGet(id, 0)).code()).isEqualTo(ErrorCode.UNKNOWN_ATTACHMENT);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!attachmentFiles().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(attachmentFiles()).isEmpty();
        // The quota it held is free again.
        assertThat(a.request(new Request.AttachmentBegin(total(chunks), List.of("bob")))).isInstanceOf(Response.AttachmentCreated.class);
    }

    @Test
    void theLimitsComeFromTheConfigFile() throws Exception {
        Path file = dataDir.resolve("relay.properties");
        Files.writeString(file, "attachment-max-bytes = 5000000\nattachment-quota-bytes = 9000000\nattachment-ttl-days = 7\n"
                + "attachment-chunks-per-account.burst = 10\n");
        RelayConfig loaded = RelayConfigFile.apply(RelayConfig.defaults(), file);
        assertThat(loaded.options().attachments())
                .isEqualTo(new AttachmentLimits(5_000_000, 9_000_000, Duration.ofDays(7)));
        assertThat(loaded.limits().spec(dev.parley.relay.limits.RateLimit.ATTACHMENT_CHUNKS_PER_ACCOUNT).burst()).isEqualTo(10);
        assertThat(RelayConfig.defaults().options().attachments())
                .isEqualTo(new AttachmentLimits(100L << 20, 2L << 30, Duration.ofDays(30), true));
        Files.writeString(file, "attachment-bulk = off\n");
        assertThat(RelayConfigFile.apply(RelayConfig.defaults(), file).options().attachments().bulk()).isFalse();
        Files.writeString(file, "attachment-bulk = maybe\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RelayConfigFile.apply(RelayConfig.defaults(), file))
                .hasMessageContaining("on or off");
        Files.writeString(file, "attachment-max-bytes = 3000000000\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RelayConfigFile.apply(RelayConfig.defaults(), file))
                .hasMessageContaining("attachment");
    }
}
