package dev.parley.desktop.service.attachment;

import dev.parley.crypto.payload.AttachmentPointer;
import dev.parley.desktop.service.InvalidInputException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides what a file is and prepares it for sending. A JPEG is sent without its metadata, losslessly
 * ({@link JpegMetadataFilter}: EXIF with its GPS position, camera and time, XMP, IPTC, ICC, comments and trailing
 * data are dropped, the compressed pixels kept bit for bit); a PNG is decoded and re-encoded from its pixels alone;
 * GIFs are sent unchanged (they carry no EXIF, and re-encoding would stop an animation). Images get their dimensions
 * and a small JPEG thumbnail, decoded straight at about twice the thumbnail's size ({@link ImageDecoder}, which the
 * image viewer uses too), so a 12-megapixel photo never has its 36 MB of pixels in memory. A file whose name or type claims an
 * image but that does not decode is sent as a plain file ({@code application/octet-stream}), except a JPEG, which
 * would keep its metadata: it is refused.
 */
final class ImagePreparation {
    /** PNG images larger than this are sent as files (re-encoding one needs its pixels in memory). */
    static final long MAX_IMAGE_BYTES = 40L << 20;
    static final int THUMBNAIL_EDGE = 160;

    private ImagePreparation() {
    }

    static PreparedFile prepare(Path file) throws IOException, InvalidInputException {
        long size = Files.size(file);
        String kind = sniff(file);
        if (kind != null && (size <= MAX_IMAGE_BYTES || !kind.equals("png"))) {
            PreparedFile image = image(file, kind);
            if (image != null) {
                return image;
            }
            if (kind.equals("jpeg")) {
                throw new InvalidInputException("this JPEG image cannot be decoded, so its metadata (such as a GPS "
                        + "position) cannot be removed; convert it or send it in an archive");
            }
        }
        return new PreparedFile(() -> Files.newInputStream(file), size, plainType(file, kind), 0, 0, new byte[0], true);
    }

    private static PreparedFile image(Path file, String kind) throws IOException {
        if (kind.equals("png")) {
            return png(file);
        }
        Optional<ImageDecoder.Decoded> small = ImageDecoder.decode(file, THUMBNAIL_EDGE * 2, THUMBNAIL_EDGE * 2);
        if (small.isEmpty()) {
            return null;
        }
        byte[] thumbnail = thumbnail(small.get().pixels());
        int width = small.get().width();
        int height = small.get().height();
        if (kind.equals("gif")) {
            return new PreparedFile(() -> Files.newInputStream(file), Files.size(file), "image/gif", width, height,
                    thumbnail, true);
        }
        Optional<JpegMetadataFilter.Layout> layout = JpegMetadataFilter.layout(file);
        if (layout.isEmpty()) {
            return null;
        }
        return new PreparedFile(() -> JpegMetadataFilter.open(file, layout.get()), layout.get().size(), "image/jpeg",
                width, height, thumbnail, true);
    }

    /** A PNG, decoded and re-encoded from its pixels (held in memory until sent). */
    private static PreparedFile png(Path file) throws IOException {
        Optional<ImageDecoder.Decoded> decoded = ImageDecoder.decode(file, ImageDecoder.FULL_SIZE,
                ImageDecoder.FULL_SIZE);
        if (decoded.isEmpty()) {
            return null;
        }
        BufferedImage pixels = decoded.get().pixels();
        byte[] thumbnail = thumbnail(pixels);
        byte[] clean = ImageEncoder.png(pixels);
        return new PreparedFile(() -> new ByteArrayInputStream(clean), clean.length, "image/png", pixels.getWidth(),
                pixels.getHeight(), thumbnail, false);
    }

    /** The image format by magic bytes: "jpeg", "png", "gif", or null. */
    static String sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        if (head.length >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return "png";
        }
        if (head.length >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8') {
            return "gif";
        }
        return null;
    }

    private static byte[] thumbnail(BufferedImage image) throws IOException {
        for (int edge = THUMBNAIL_EDGE; edge >= 32; edge /= 2) {
            double scale = Math.min(1.0, (double) edge / Math.max(image.getWidth(), image.getHeight()));
            int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
            BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = small.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, w, h);
                g.drawImage(image, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            byte[] jpeg = ImageEncoder.jpeg(small, 0.7f);
            if (jpeg.length <= AttachmentPointer.MAX_THUMBNAIL_BYTES) {
                return jpeg;
            }
        }
        return new byte[0];
    }

    /** The content type of a file sent as it is: from its extension for common kinds, else octet-stream. */
    static String plainType(Path file, String sniffed) {
        if ("gif".equals(sniffed)) {
            return "image/gif";
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        switch (ext) {
            case "txt":
                return "text/plain";
            case "pdf":
                return "application/pdf";
            case "zip":
                return "application/zip";
            case "mp4":
                return "video/mp4";
            case "mp3":
                return "audio/mpeg";
            default:
                return "application/octet-stream";
        }
    }
}
