package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.attachment.AttachmentDecryptor;
import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.attachment.AttachmentReadToken;
import dev.parley.crypto.payload.AttachmentPointer;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.service.AttachmentService.TransferProgress;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.StoredGroup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #15, files in groups over the real relay (docs/protocol.md 1.11, 1.15.3): a file sent to a 20-member group
 * (more than the 16 readers an upload could once name) is uploaded once, shared by pointer, and every member gets
 * its pointer once and downloads it with the read token derived from the key; a wrong token and an account without
 * the pointer are refused with the relay's "no such attachment". Eighteen members are bare protocol clients
 * ({@link OutsideClient}) that open what they receive themselves; bob is a whole profile that saves the file.
 */
class GroupFilesTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Twenty clients on one address: more connections than a relay allows one address by default. */
    @RegisterExtension
    final TestNetwork network = new TestNetwork(c -> c.withMaxConnectionsPerAddress(64));

    private long metric(String name) {
        for (String line : network.relay.metrics().render().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Long.parseLong(line.substring(line.indexOf(' ') + 1).trim());
            }
        }
        throw new AssertionError("no metric " + name);
    }

    private static byte[] download(OutsideClient client, AttachmentPointer pointer) throws Exception {
        byte[] token = AttachmentReadToken.derive(TestNetwork.CRYPTO, pointer.key());
        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
        long chunks = AttachmentFormat.chunkCountOfCiphertext(pointer.ciphertextSize());
        for (long i = 0; i < chunks; i++) {
            Response answer = client.request(new Request.AttachmentGetShared(pointer.attachmentId(), i, token));
            assertThat(answer).as(client.name + " downloads chunk " + i).isInstanceOf(Response.AttachmentChunk.class);
            ciphertext.writeBytes(((Response.AttachmentChunk) answer).chunk());
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (SecretBytes key = SecretBytes.copyOf(pointer.key())) {
            AttachmentDecryptor.decrypt(TestNetwork.CRYPTO.secretBox(), key, pointer.size(), pointer.digest(),
                    new ByteArrayInputStream(ciphertext.toByteArray()), plain);
        }
        return plain.toByteArray();
    }

    private static ErrorCode refusal(Response answer) {
        assertThat(answer).isInstanceOf(Response.ErrorResponse.class);
        return ((Response.ErrorResponse) answer).code();
    }

    @Test
    void aFileToTwentyMembersIsUploadedOnceAndEveryMemberReadsItWithItsPointer() throws Exception {
        ParleyApp alice = network.register("alice");
        network.register("bob").close();
        List<OutsideClient> outside = new ArrayList<>();
        List<String> members = new ArrayList<>(List.of("bob"));
        for (int i = 1; i <= 18; i++) {
            OutsideClient member = OutsideClient.register(network, "member" + i);
            outside.add(member);
            members.add(member.name);
        }
        OutsideClient mallory = OutsideClient.register(network, "mallory");
        alice.connection().start();
        StoredGroup group = alice.groups().create("Twenty", members);
        assertThat(group.state().members()).hasSize(20);

        byte[] content = new byte[AttachmentFormat.PLAIN_CHUNK_BYTES + 5000];
        new Random(15).nextBytes(content);
        Path file = Files.write(network.root.resolve("route.gpx"), content);
        long begun = metric("parley_relay_attachments_begun_total");
        long chunks = metric("parley_relay_attachment_chunks_stored_total");
        Message sent = alice.attachments().sendFile(ConversationId.group(group.state().id()).value(), file,
                "the route", TransferProgress.NONE);
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
        AttachmentPointer pointer = alice.attachments().attachment(sent.messageId()).orElseThrow().pointer();
        assertThat(metric("parley_relay_attachments_begun_total") - begun).as("one upload for all").isEqualTo(1);
        assertThat(metric("parley_relay_attachment_chunks_stored_total") - chunks)
                .isEqualTo(AttachmentFormat.chunkCountOfCiphertext(pointer.ciphertextSize()));

        for (OutsideClient member : outside) {
            List<Payload.Attachment> files = member.openDeliveries(Duration.ofMillis(300)).stream()
                    .filter(Payload.Attachment.class::isInstance).map(Payload.Attachment.class::cast).toList();
            assertThat(files).as(member.name + " gets the pointer once").hasSize(1);
            assertThat(files.get(0).caption()).isEqualTo("the route");
            assertThat(download(member, files.get(0).pointer())).isEqualTo(content);
        }
        byte[] wrong = AttachmentReadToken.derive(TestNetwork.CRYPTO, new byte[32]);
        assertThat(refusal(outside.get(0).request(new Request.AttachmentGetShared(pointer.attachmentId(), 0, wrong))))
                .isEqualTo(ErrorCode.UNKNOWN_ATTACHMENT);
        assertThat(mallory.openDeliveries(Duration.ofMillis(100))).as("not a member: nothing").isEmpty();
        assertThat(refusal(mallory.request(new Request.AttachmentGet(pointer.attachmentId(), 0))))
                .isEqualTo(ErrorCode.UNKNOWN_ATTACHMENT);
        assertThat(refusal(mallory.request(new Request.AttachmentGetShared(pointer.attachmentId(), 0, wrong))))
                .isEqualTo(ErrorCode.UNKNOWN_ATTACHMENT);

        ParleyApp bob = network.unlock("bob");
        bob.connection().start();
        assertThat(bob.connection().awaitDrained(WAIT)).isTrue();
        List<Message> history = bob.messaging().history(ConversationId.group(group.state().id()).value(),
                Optional.empty(), 50).messages();
        assertThat(history).extracting(Message::body).containsOnlyOnce("\uD83D\uDCCE route.gpx\nthe route");
        Path saved = bob.attachments().save(sent.messageId(), network.root.resolve("saved.gpx"), TransferProgress.NONE);
        assertThat(Files.readAllBytes(saved)).isEqualTo(content);
        for (OutsideClient client : outside) {
            client.close();
        }
        mallory.close();
    }
}
