package dev.parley.crypto.payload;

import dev.parley.crypto.attachment.AttachmentFormat;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an encrypted file is and how to open it (docs/protocol.md, 1.11): the relay's id for the ciphertext, the
 * file key, the SHA-256 of the ciphertext, the plaintext size, and what to show about it. The file name is always
 * sanitised ({@link FileNames#sanitise}), so a pointer never carries a path.
 *
 * @param width     image width in pixels, 0 when not an image
 * @param height    image height in pixels, 0 when not an image
 * @param thumbnail a small JPEG (at most {@value #MAX_THUMBNAIL_BYTES} bytes), empty when there is none
 */
public record AttachmentPointer(byte[] attachmentId, byte[] key, byte[] digest, long size, String fileName,
                                String contentType, int width, int height, byte[] thumbnail) {
    public static final int ID_BYTES = 16;
    public static final int MAX_THUMBNAIL_BYTES = 16_384;
    public static final int MAX_CONTENT_TYPE_BYTES = 127;
    private static final Pattern CONTENT_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+_-]*/[a-z0-9][a-z0-9.+_-]*");

    public AttachmentPointer {
        attachmentId = exact(attachmentId, ID_BYTES, "attachment id");
        key = exact(key, AttachmentFormat.KEY_BYTES, "attachment key");
        digest = exact(digest, AttachmentFormat.DIGEST_BYTES, "attachment digest");
        if (size < 0 || size > AttachmentFormat.MAX_PLAINTEXT_BYTES) {
            throw new IllegalArgumentException("attachment size: 0 to 2 GiB");
        }
        fileName = FileNames.sanitise(fileName);
        Objects.requireNonNull(contentType, "contentType");
        if (contentType.length() > MAX_CONTENT_TYPE_BYTES || !CONTENT_TYPE.matcher(contentType).matches()) {
            throw new IllegalArgumentException("attachment content type: type/subtype of a-z 0-9 . + _ - expected");
        }
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("attachment dimensions must not be negative");
        }
        thumbnail = thumbnail == null ? new byte[0] : thumbnail.clone();
        if (thumbnail.length > MAX_THUMBNAIL_BYTES) {
            throw new IllegalArgumentException("attachment thumbnail: at most " + MAX_THUMBNAIL_BYTES + " bytes");
        }
    }

    @Override
    public byte[] attachmentId() {
        return attachmentId.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public byte[] thumbnail() {
        return thumbnail.clone();
    }

    /** Lower-case hex of the attachment id. */
    public String idHex() {
        return java.util.HexFormat.of().formatHex(attachmentId);
    }

    /** The ciphertext size on the relay. */
    public long ciphertextSize() {
        return AttachmentFormat.ciphertextSize(size);
    }

    int fileNameBytes() {
        return fileName.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttachmentPointer p && java.util.Arrays.equals(attachmentId, p.attachmentId)
                && java.util.Arrays.equals(key, p.key) && java.util.Arrays.equals(digest, p.digest) && size == p.size
                && fileName.equals(p.fileName) && contentType.equals(p.contentType) && width == p.width
                && height == p.height && java.util.Arrays.equals(thumbnail, p.thumbnail);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(attachmentId);
    }

    @Override
    public String toString() {
        return "AttachmentPointer[" + size + " bytes, content hidden]";
    }

    private static byte[] exact(byte[] value, int length, String what) {
        if (value == null || value.length != length) {
            throw new IllegalArgumentException(what + ": " + length + " bytes expected");
        }
        return value.clone();
    }
}
