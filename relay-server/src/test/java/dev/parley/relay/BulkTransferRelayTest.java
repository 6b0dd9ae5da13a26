package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.attachment.AttachmentDecryptor;
import dev.parley.crypto.attachment.AttachmentEncryptor;
import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.attachment.AttachmentReadToken;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.testing.MutableClock;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.FrameCodec;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13, the bulk path (docs/protocol.md, "Bulk transfers"): attachment bodies as HTTP {@code PUT}/{@code GET}
 * on the relay's own listener, authorised by tickets issued over the WebSocket, against a real relay on disk: bodies
 * streamed in segments and resumed at any confirmed chunk, ranges, and every bad input (tickets wrong, altered,
 * expired, for another file or direction or account; a body too long, cut short, at the wrong offset; a second
 * upload; a range past the end; the relay killed in the middle of a body).
 */
class BulkTransferRelayTest {
    private static final int CHUNK = AttachmentFormat.CIPHER_CHUNK_BYTES;
    private static final FrameCodec CODEC = FrameCodec.cbor();
    @TempDir
    Path dataDir;
    private final MutableClock clock = new MutableClock();
    private final List<TestClient> clients = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private RelayServer relay;

    private void start() throws Exception {
        relay = RelayServer.start(RelayConfig.defaults().withPort(relay == null ? 0 : relay.port()).withDataDir(dataDir),
                clock, CryptoProviders.preferred());
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

    /** An encrypted file: its ciphertext and its digest. */
    private record Encrypted(byte[] plain, SecretBytes key, byte[] ciphertext, byte[] digest) {
        int chunks() {
            return (int) AttachmentFormat.chunkCountOfCiphertext(ciphertext.length);
        }

        byte[] from(long chunk) {
            return Arrays.copyOfRange(ciphertext, (int) (chunk * CHUNK), ciphertext.length);
        }

        byte[] range(long firstChunk, long chunks) {
            return Arrays.copyOfRange(ciphertext, (int) (firstChunk * CHUNK),
                    (int) Math.min(ciphertext.length, (firstChunk + chunks) * CHUNK));
        }
    }

    private static Encrypted encrypted(int bytes, int seed) throws Exception {
        byte[] plain = new byte[bytes];
        new Random(seed).nextBytes(plain);
        SecretBytes key = SecretBytes.copyOf(CryptoProviders.preferred().random().bytes(32));
        AttachmentEncryptor encryptor = new AttachmentEncryptor(CryptoProviders.preferred().secretBox(), key,
                new ByteArrayInputStream(plain), plain.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (encryptor.hasNext()) {
            out.writeBytes(encryptor.next());
        }
        return new Encrypted(plain, key, out.toByteArray(), encryptor.digest());
    }

    private URI bulk(byte[] id, long offset) {
        return URI.create("http://127.0.0.1:" + relay.port() + "/bulk/" + HexFormat.of().formatHex(id) + "?offset="
                + offset);
    }

    private static String bearer(byte[] ticket) {
        return "Bearer " + Base64.getUrlEncoder().withoutPadding().encodeToString(ticket);
    }

    private HttpResponse<byte[]> put(byte[] id, byte[] ticket, long offset, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(bulk(id, offset)).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (ticket != null) {
            request.header("Authorization", bearer(ticket));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(byte[] id, byte[] ticket, long offset) throws Exception {
        return http.send(HttpRequest.newBuilder(bulk(id, offset)).header("Authorization", bearer(ticket)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Response frame(HttpResponse<byte[]> answer) throws Exception {
        return (Response) CODEC.decode(answer.body()).frame();
    }

    private static ErrorCode refusal(HttpResponse<byte[]> answer) throws Exception {
        return ((Response.ErrorResponse) frame(answer)).code();
    }

    private static byte[] uploadTicket(TestClient client, byte[] id) throws Exception {
        return ((Response.BulkTicket) client.request(new Request.BulkUploadTicket(id))).ticket();
    }

    private static byte[] downloadTicket(TestClient client, byte[] id, byte[] token) throws Exception {
        return ((Response.BulkTicket) client.request(new Request.BulkDownloadTicket(id, token))).ticket();
    }

    private static byte[] begin(TestClient client, Encrypted file, String reader) throws Exception {
        return ((Response.AttachmentCreated) client.request(
                new Request.AttachmentBegin(file.ciphertext().length, List.of(reader)))).attachmentId();
    }

    private Path part(byte[] id) {
        return dataDir.resolve("attachments").resolve(HexFormat.of().formatHex(id) + ".part");
    }

    @Test
    void aFileGoesUpInSegmentsAndComesDownWholeOrFromAnyChunk() throws Exception {
        start();
        TestUser alice = new TestUser("alice");
        TestUser bob = new TestUser("bob");
        TestClient a = online(alice, true);
        TestClient b = online(bob, true);
        Encrypted file = encrypted(5 * AttachmentFormat.PLAIN_CHUNK_BYTES + 999, 1);
        byte[] id = begin(a, file, "bob");
        byte[] ticket = uploadTicket(a, id);

        HttpResponse<byte[]> first = put(id, ticket, 0, file.range(0, 2));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(frame(first)).isEqualTo(new Response.AttachmentProgress(2, false));
        assertThat(a.request(new Request.AttachmentStatus(id))).isEqualTo(new Response.AttachmentProgress(2, false));
        // The WebSocket frames and the bulk path are one upload: a frame goes on where the bodies stopped.
        a.request(new Request.AttachmentPut(id, 2, file.range(2, 1)));
        HttpResponse<byte[]> rest = put(id, ticket, 3L * CHUNK, file.from(3));
        assertThat(frame(rest)).isEqualTo(new Response.AttachmentProgress(file.chunks(), true));
        assertThat(refusal(put(id, ticket, 0, file.range(0, 1)))).as("a second upload").isEqualTo(ErrorCode.INVALID_FIELD);

        byte[] token = AttachmentReadToken.derive(CryptoProviders.preferred(), file.key().bytes());
        byte[] download = downloadTicket(b, id, token);
        HttpResponse<byte[]> whole = get(id, download, 0);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(file.ciphertext());
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        AttachmentDecryptor.decrypt(CryptoProviders.preferred().secretBox(), file.key(), file.plain().length,
                file.digest(), new ByteArrayInputStream(whole.body()), plain);
        assertThat(plain.toByteArray()).isEqualTo(file.plain());
        assertThat(get(id, download, 4L * CHUNK).body()).isEqualTo(file.from(4));
        // The uploader reads its own file with its own download ticket.
        assertThat(get(id, downloadTicket(a, id, token), 0).body()).isEqualTo(file.ciphertext());

        HttpResponse<byte[]> past = get(id, download, (long) file.chunks() * CHUNK);
        assertThat(past.statusCode()).isEqualTo(416);
        assertThat(refusal(past)).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(get(id, download, 100).statusCode()).as("not a chunk boundary").isEqualTo(416);
    }

    @Test
    void wrongTicketsAndBadBodiesAreRefusedAndChangeNothing() throws Exception {
        start();
        TestUser alice = new TestUser("alice");
        TestUser bob = new TestUser("bob");
        TestUser carol = new TestUser("carol");
        TestClient a = online(alice, true);
        online(bob, true);
        TestClient c = online(carol, true);
        Encrypted file = encrypted(4 * AttachmentFormat.PLAIN_CHUNK_BYTES, 2);
        byte[] id = begin(a, file, "bob");
        byte[] other = begin(a, file, "bob");
        byte[] ticket = uploadTicket(a, id);

        assertThat(put(id, null, 0, file.range(0, 1)).statusCode()).as("no ticket").isEqualTo(401);
        assertThat(put(id, new byte[80], 0, file.range(0, 1)).statusCode()).as("not a ticket").isEqualTo(401);
        byte[] altered = ticket.clone();
        altered[20] ^= 1;
        assertThat(refusal(put(id, altered, 0, file.range(0, 1)))).isEqualTo(ErrorCode.AUTH_FAILED);
        assertThat(put(other, ticket, 0, file.range(0, 1)).statusCode()).as("another file's ticket").isEqualTo(401);
        assertThat(get(id, ticket, 0).statusCode()).as("an upload ticket to download").isEqualTo(401);
        // Tickets go only to who may use them: the uploader uploads, readers and token holders download.
        assertThat(c.expectError(new Request.BulkUploadTicket(id)).code()).isEqualTo(ErrorCode.UNKNOWN_ATTACHMENT);
        assertThat(c.expectError(new Request.BulkDownloadTicket(id, new byte[32])).code())
                .isEqualTo(ErrorCode.UNKNOWN_ATTACHMENT);

        HttpResponse<byte[]> tooLong = put(id, ticket, 0, Arrays.copyOf(file.ciphertext(), file.ciphertext().length + CHUNK));
        assertThat(tooLong.statusCode()).isEqualTo(413);
        assertThat(refusal(tooLong)).isEqualTo(ErrorCode.ATTACHMENT_TOO_LARGE);
        assertThat(put(id, ticket, CHUNK, file.range(1, 1)).statusCode()).as("not where it stands").isEqualTo(409);
        assertThat(Files.size(part(id))).isZero();

        // A body cut short: the whole chunks in it are kept, the rest is sent again from there.
        putCutShort(id, ticket, 0, file.ciphertext().length, file.range(0, 2), CHUNK + CHUNK / 2);
        assertThat(awaitConfirmed(a, id, 1)).isEqualTo(1);
        assertThat(frame(put(id, ticket, CHUNK, file.from(1))))
                .isEqualTo(new Response.AttachmentProgress(file.chunks(), true));

        clock.advance(Duration.ofMinutes(6));
        assertThat(frame(put(other, uploadTicket(a, other), 0, file.range(0, 1))))
                .as("a fresh ticket works").isEqualTo(new Response.AttachmentProgress(1, false));
        byte[] stale = uploadTicket(a, other);
        clock.advance(Duration.ofMinutes(6));
        assertThat(refusal(put(other, stale, CHUNK, file.range(1, 1)))).as("an expired ticket").isEqualTo(ErrorCode.AUTH_FAILED);
    }

    @Test
    void aRelayKilledInTheMiddleOfABodyKeepsEveryWholeChunkAndTheUploadGoesOnFromThere() throws Exception {
        start();
        TestUser alice = new TestUser("alice");
        TestUser bob = new TestUser("bob");
        TestClient a = online(alice, true);
        online(bob, true);
        Encrypted file = encrypted(8 * AttachmentFormat.PLAIN_CHUNK_BYTES, 3);
        byte[] id = begin(a, file, "bob");
        try (Socket socket = openPut(id, uploadTicket(a, id), 0, file.ciphertext().length)) {
            socket.getOutputStream().write(file.ciphertext(), 0, 3 * CHUNK + CHUNK / 2);
            socket.getOutputStream().flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (Files.size(part(id)) < 3L * CHUNK && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            relay.halt();
        }
        clients.clear();
        start();
        a = online(alice, false);
        TestClient b = online(bob, false);
        assertThat(a.request(new Request.AttachmentStatus(id))).isEqualTo(new Response.AttachmentProgress(3, false));
        // What is sent again is the half chunk the relay had not written whole, and nothing before it.
        assertThat(frame(put(id, uploadTicket(a, id), 3L * CHUNK, file.from(3))))
                .isEqualTo(new Response.AttachmentProgress(file.chunks(), true));
        byte[] token = AttachmentReadToken.derive(CryptoProviders.preferred(), file.key().bytes());
        assertThat(get(id, downloadTicket(b, id, token), 0).body()).isEqualTo(file.ciphertext());
    }

    private long awaitConfirmed(TestClient client, byte[] id, long atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long confirmed;
        do {
            confirmed = ((Response.AttachmentProgress) client.request(new Request.AttachmentStatus(id))).chunksConfirmed();
            if (confirmed < atLeast) {
                Thread.sleep(5);
            }
        } while (confirmed < atLeast && System.nanoTime() < deadline);
        return confirmed;
    }

    /** A PUT over a raw socket that states {@code declared} bytes, sends the first {@code sent} of {@code body}, and closes. */
    private void putCutShort(byte[] id, byte[] ticket, long offset, long declared, byte[] body, int sent) throws Exception {
        try (Socket socket = openPut(id, ticket, offset, declared)) {
            OutputStream out = socket.getOutputStream();
            out.write(body, 0, sent);
            out.flush();
        }
    }

    private Socket openPut(byte[] id, byte[] ticket, long offset, long declared) throws Exception {
        Socket socket = new Socket("127.0.0.1", relay.port());
        String head = "PUT /bulk/" + HexFormat.of().formatHex(id) + "?offset=" + offset + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAuthorization: " + bearer(ticket) + "\r\nContent-Length: " + declared
                + "\r\nContent-Type: application/octet-stream\r\n\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        return socket;
    }
}
