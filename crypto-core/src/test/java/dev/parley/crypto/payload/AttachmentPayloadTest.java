package dev.parley.crypto.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidMessageException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The ATTACHMENT payload (docs/protocol.md 1.11) and the file-name rule that keeps a peer's name from being a path. */
class AttachmentPayloadTest {

    static AttachmentPointer pointer(String name, byte[] thumbnail) {
        return new AttachmentPointer(filled(16, 1), filled(32, 2), filled(32, 3), 123_456, name, "image/jpeg", 640, 480,
                thumbnail);
    }

    @Test
    void roundTripsThroughTheCodecAndPadding() throws Exception {
        Payload.Attachment sent = new Payload.Attachment(new MessageId(filled(16, 9)), 1_700_000_000_000L,
                pointer("holiday photo.jpg", filled(2000, 4)), "look 🌊");
        Payload back = PayloadCodec.decode(Padding.unpad(Padding.pad(PayloadCodec.encode(sent))));
        assertThat(back).isEqualTo(sent);
        Payload.Attachment a = (Payload.Attachment) back;
        assertThat(a.pointer().fileName()).isEqualTo("holiday photo.jpg");
        assertThat(a.pointer().idHex()).isEqualTo("01".repeat(16));
        assertThat(a.toString()).doesNotContain("holiday").doesNotContain("look");
        assertThat(a.pointer().toString()).doesNotContain("holiday");
        // No thumbnail, no caption, zero-byte file: still a valid pointer.
        Payload.Attachment empty = new Payload.Attachment(new MessageId(filled(16, 9)), 1,
                new AttachmentPointer(filled(16, 1), filled(32, 2), filled(32, 3), 0, "empty.txt", "text/plain", 0, 0, null),
                null);
        assertThat(PayloadCodec.decode(PayloadCodec.encode(empty))).isEqualTo(empty);
    }

    @Test
    void fileNamesWithPathsAndControlsAreNeverPaths() {
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("_.._etc_passwd");
        assertThat(FileNames.sanitise("..\\..\\Windows\\system.ini")).isEqualTo("_.._Windows_system.ini");
        assertThat(FileNames.sanitise("/abs/path.txt")).isEqualTo("_abs_path.txt");
        assertThat(FileNames.sanitise("a\u0000b\nc\u202Egpj.exe")).isEqualTo("a_b_c_gpj.exe");
        assertThat(FileNames.sanitise(".hidden")).isEqualTo("hidden");
        assertThat(FileNames.sanitise("..")).isEqualTo("file");
        assertThat(FileNames.sanitise("")).isEqualTo("file");
        assertThat(FileNames.sanitise("CON.txt")).isEqualTo("_CON.txt");
        assertThat(FileNames.sanitise("résumé 履歴書.pdf")).isEqualTo("résumé 履歴書.pdf");
        String longName = FileNames.sanitise("é".repeat(300) + ".pdf");
        assertThat(longName).endsWith(".pdf");
        assertThat(longName.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        for (String hostile : new String[] {"a/b", "a\\b", "C:x", "x\ty", "x\u0085y", "x\u2028y"}) {
            String safe = FileNames.sanitise(hostile);
            assertThat(safe).doesNotContain("/", "\\", ":", "\t", "\u0085", "\u2028");
            assertThat(java.nio.file.Path.of(safe).getNameCount()).isEqualTo(1);
        }
    }

    @Test
    void aHostileFileNameOnTheWireIsSanitisedWhenDecoded() throws Exception {
        byte[] encoded = PayloadCodec.encode(new Payload.Attachment(new MessageId(filled(16, 9)), 5,
                pointer("placeholder", new byte[0]), ""));
        // Replace the 11-byte name by one with separators and a NUL, as a hostile sender could.
        byte[] hostile = "../\u0000x/..".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int nameAt = PayloadCodec.HEADER_BYTES + 16 + 8 + 16 + 32 + 32 + 8 + 4 + 4;
        ByteBuffer rebuilt = ByteBuffer.allocate(encoded.length - 11 + hostile.length);
        rebuilt.put(encoded, 0, nameAt).putShort((short) hostile.length).put(hostile)
                .put(encoded, nameAt + 2 + 11, encoded.length - nameAt - 2 - 11);
        byte[] bytes = rebuilt.array();
        ByteBuffer.wrap(bytes).putInt(3, bytes.length - PayloadCodec.HEADER_BYTES);
        Payload.Attachment decoded = (Payload.Attachment) PayloadCodec.decode(bytes);
        assertThat(decoded.pointer().fileName()).isEqualTo("__x_");
    }

    @Test
    void malformedAttachmentsAreTypedErrors() {
        byte[] good = PayloadCodec.encode(new Payload.Attachment(new MessageId(filled(16, 9)), 5,
                pointer("a.jpg", filled(10, 1)), "caption"));
        // Truncated anywhere inside the fixed part or the length-prefixed fields.
        for (int cut = PayloadCodec.HEADER_BYTES; cut < good.length - "caption".length(); cut += 7) {
            byte[] truncated = Arrays.copyOf(good, cut);
            ByteBuffer.wrap(truncated).putInt(3, cut - PayloadCodec.HEADER_BYTES);
            assertThatThrownBy(() -> PayloadCodec.decode(truncated)).isInstanceOf(InvalidMessageException.class);
        }
        // A size over 2 GiB, a bad content type, a caption that is not UTF-8.
        byte[] tooBig = good.clone();
        ByteBuffer.wrap(tooBig).putLong(PayloadCodec.HEADER_BYTES + 16 + 8 + 16 + 32 + 32, Long.MAX_VALUE);
        assertThatThrownBy(() -> PayloadCodec.decode(tooBig)).isInstanceOf(InvalidMessageException.class);
        byte[] badType = good.clone();
        int typeAt = PayloadCodec.HEADER_BYTES + 16 + 8 + 16 + 32 + 32 + 8 + 4 + 4 + 2 + 5 + 2;
        badType[typeAt] = 'I';
        assertThatThrownBy(() -> PayloadCodec.decode(badType)).isInstanceOf(InvalidMessageException.class);
        byte[] badCaption = good.clone();
        badCaption[badCaption.length - 1] = (byte) 0xC3;
        assertThatThrownBy(() -> PayloadCodec.decode(badCaption)).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> new AttachmentPointer(filled(15, 1), filled(32, 2), filled(32, 3), 1, "a", "a/b", 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pointer("a", new byte[AttachmentPointer.MAX_THUMBNAIL_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] filled(int n, int value) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
