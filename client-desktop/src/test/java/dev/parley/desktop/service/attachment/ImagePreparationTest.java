package dev.parley.desktop.service.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.service.InvalidInputException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13: a photo is prepared for sending without its metadata and without decoding it at full size. A JPEG
 * loses every segment but those a decoder needs, keeps its compressed pixels bit for bit (so it decodes to exactly the
 * same pixels), comes out the same every time (resumable), and a 6-megapixel one is prepared without allocating
 * anything near its 18 MB of pixels.
 */
class ImagePreparationTest {
    private static final byte[] GPS = ascii("GPS-POSITION-MARKER 48.8584N 2.2945E");
    private static final byte[] XMP = ascii("XMP-CREATOR-MARKER");
    private static final byte[] IPTC = ascii("IPTC-CAPTION-MARKER");
    private static final byte[] COMMENT = ascii("COMMENT-MARKER");
    private static final byte[] TRAILER = ascii("TRAILING-DATA-MARKER");

    @TempDir
    Path dir;

    @Test
    void aJpegLosesEveryMetadataSegmentAndDecodesToTheSamePixels() throws Exception {
        byte[] plain = jpeg(noisy(320, 240), false);
        Path photo = Files.write(dir.resolve("photo.jpg"), withMetadata(plain));

        PreparedFile prepared = ImagePreparation.prepare(photo);

        assertThat(prepared.contentType()).isEqualTo("image/jpeg");
        assertThat(prepared.width()).isEqualTo(320);
        assertThat(prepared.height()).isEqualTo(240);
        assertThat(prepared.reproducible()).as("read from the file again on a resume").isTrue();
        byte[] sent = read(prepared);
        assertThat(sent).hasSize((int) prepared.size());
        for (byte[] marker : new byte[][] {GPS, ascii("Exif"), XMP, IPTC, COMMENT, TRAILER}) {
            assertThat(indexOf(sent, marker)).as(new String(marker, StandardCharsets.US_ASCII)).isNegative();
        }
        assertThat(indexOf(sent, ascii("JFIF\0"))).as("a fixed JFIF header in place of the original's").isPositive();
        assertThat(pixels(sent)).as("the compressed pixels are kept bit for bit").isEqualTo(pixels(plain));
        assertThat(read(prepared)).as("the same bytes every time").isEqualTo(sent);
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(prepared.thumbnail()));
        assertThat(thumbnail.getWidth()).isEqualTo(ImagePreparation.THUMBNAIL_EDGE);
        assertThat(thumbnail.getHeight()).isEqualTo(120);
    }

    @Test
    void aProgressiveJpegKeepsEveryScan() throws Exception {
        byte[] plain = jpeg(noisy(200, 150), true);
        Path photo = Files.write(dir.resolve("progressive.jpg"), withMetadata(plain));

        byte[] sent = read(ImagePreparation.prepare(photo));

        assertThat(indexOf(sent, GPS)).isNegative();
        assertThat(pixels(sent)).isEqualTo(pixels(plain));
    }

    @Test
    void theWalkKeepsOnlyWhatADecoderNeedsAndReplacesJfifAndAdobeWithFixedOnes() throws Exception {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        write(in, 0xFF, 0xD8);
        // JFIF 1.02, 300 dpi, a 1x1 thumbnail of 3 bytes
        segment(in, 0xE0, 'J', 'F', 'I', 'F', 0, 1, 2, 1, 1, 44, 1, 44, 1, 1, 9, 9, 9);
        segment(in, 0xEE, 'A', 'd', 'o', 'b', 'e', 0, 101, 0x12, 0x34, 0x56, 0x78, 1); // flags set, transform 1
        segment(in, 0xE1, 'E', 'x', 'i', 'f', 0, 0, 'G', 'P', 'S');
        segment(in, 0xDB, 0, 1, 2, 3);
        write(in, 0xFF, 0xFF); // fill bytes before a marker
        segment(in, 0xC0, 8, 0, 1, 0, 1, 1, 1, 0x11, 0);
        segment(in, 0xFE, 'h', 'i');
        segment(in, 0xC4, 0, 5, 6);
        segment(in, 0xDA, 1, 1, 0, 0, 63, 0);
        write(in, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD3, 0x56); // a stuffed zero and a restart marker stay in the data
        write(in, 0xFF, 0xFF, 0xD9); // fill, then EOI
        write(in, 'M', 'P', 'F', 0xFF, 0xD8); // a second picture after the end

        Path file = Files.write(dir.resolve("made.jpg"), in.toByteArray());
        JpegMetadataFilter.Layout layout = JpegMetadataFilter.layout(file).orElseThrow();
        byte[] out;
        try (InputStream filtered = JpegMetadataFilter.open(file, layout)) {
            out = filtered.readAllBytes();
        }

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        write(expected, 0xFF, 0xD8);
        segment(expected, 0xE0, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0);
        segment(expected, 0xEE, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 1);
        segment(expected, 0xDB, 0, 1, 2, 3);
        segment(expected, 0xC0, 8, 0, 1, 0, 1, 1, 1, 0x11, 0);
        segment(expected, 0xC4, 0, 5, 6);
        segment(expected, 0xDA, 1, 1, 0, 0, 63, 0);
        write(expected, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD3, 0x56);
        write(expected, 0xFF, 0xD9);
        assertThat(out).isEqualTo(expected.toByteArray());
        assertThat(layout.size()).isEqualTo(out.length);
    }

    @Test
    void aJpegThatDoesNotDecodeIsRefusedAndAFakeImageIsAPlainFile() throws Exception {
        Path broken = Files.write(dir.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
        assertThatThrownBy(() -> ImagePreparation.prepare(broken)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot be decoded");

        Path fake = Files.writeString(dir.resolve("fake.jpg"), "not a picture");
        PreparedFile plain = ImagePreparation.prepare(fake);
        assertThat(plain.contentType()).isEqualTo("application/octet-stream");
        assertThat(plain.thumbnail()).isEmpty();
        assertThat(read(plain)).isEqualTo(Files.readAllBytes(fake));
    }

    @Test
    void aLargePhotoIsPreparedAndReadWithoutItsPixelsInMemory() throws Exception {
        int width = 3000;
        int height = 2000; // 6 MP: 18 MB of pixels decoded at full size
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] raster = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < raster.length; i++) {
            raster[i] = (byte) (i * 7 + (i / 9000) * 3);
        }
        Path photo = Files.write(dir.resolve("big.jpg"), withMetadata(jpeg(image, false)));
        ImagePreparation.prepare(photo); // warm: classes, the JPEG reader's native set-up

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        PreparedFile prepared = ImagePreparation.prepare(photo);
        long sent = 0;
        byte[] chunk = new byte[32 * 1024];
        try (InputStream in = prepared.source().open()) {
            for (int n; (n = in.read(chunk)) > 0; ) {
                sent += n;
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(sent).isEqualTo(prepared.size());
        assertThat(prepared.width()).isEqualTo(width);
        assertThat(allocated).as("bytes allocated to prepare and read a 6 MP photo").isLessThan(3L << 20);
    }

    /** A photo's thumbnail and a re-encoded PNG are plaintext: made in memory, never through ImageIO's cache file. */
    @Test
    void imagesArePreparedWithoutAnImageCacheFile(@TempDir Path cache) throws Exception {
        Path photo = Files.write(dir.resolve("photo.jpg"), jpeg(noisy(320, 240), false));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(noisy(200, 100), "png", png);
        Path picture = Files.write(dir.resolve("picture.png"), png.toByteArray());
        assertThat(ImageCacheFiles.createdWhile(cache, () -> {
            assertThat(ImagePreparation.prepare(photo).thumbnail()).isNotEmpty();
            assertThat(ImagePreparation.prepare(picture).contentType()).isEqualTo("image/png");
        })).isEmpty();
    }

    private static byte[] read(PreparedFile file) throws IOException {
        try (InputStream in = file.source().open()) {
            return in.readAllBytes();
        }
    }

    private static int[] pixels(byte[] jpeg) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static BufferedImage noisy(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(13);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x & 0xFF) << 16 | (y & 0xFF) << 8 | random.nextInt(64));
            }
        }
        return image;
    }

    private static byte[] jpeg(BufferedImage image, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The JPEG with EXIF (GPS), XMP and IPTC segments after SOI, a comment before its frame, data after its end. */
    private static byte[] withMetadata(byte[] jpeg) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, 0xFF, 0xD8);
        segment(out, 0xE1, concat(ascii("Exif\0\0MM\0*\0\0\0\u0008"), GPS));
        segment(out, 0xE1, concat(ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>"), XMP));
        segment(out, 0xED, concat(ascii("Photoshop 3.0\0"), IPTC));
        segment(out, 0xFE, COMMENT);
        out.write(jpeg, 2, jpeg.length - 2);
        out.write(TRAILER);
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, int... payload) {
        byte[] bytes = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            bytes[i] = (byte) payload[i];
        }
        segment(out, marker, bytes);
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        write(out, 0xFF, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xFF);
        out.writeBytes(payload);
    }

    private static void write(ByteArrayOutputStream out, int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
