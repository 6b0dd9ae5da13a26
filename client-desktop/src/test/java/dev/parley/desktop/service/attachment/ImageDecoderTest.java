package dev.parley.desktop.service.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The one image decoder (issue #13): the image viewer opens a 12-megapixel photo at screen size with about the pixels
 * it shows, never its 36 MB; every pixel only when asked (100%); the thumbnail's decode is the same code.
 */
class ImageDecoderTest {

    @Test
    void aTwelveMegapixelPhotoFittedToTheScreenIsDecodedAtAboutThatSize() throws Exception {
        byte[] photo = jpeg(4000, 3000); // 12 MP: 36 MB of pixels at full size
        ImageDecoder.decode(photo, 1000, 700); // warm: classes, the JPEG reader's native set-up

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        ImageDecoder.Decoded shown = ImageDecoder.decode(photo, 1000, 700).orElseThrow();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(shown.width()).isEqualTo(4000);
        assertThat(shown.height()).isEqualTo(3000);
        // fitted into 1000 x 700 the photo is 933 x 700: every 4th pixel (1000 x 750) still covers that
        assertThat(shown.step()).isEqualTo(4);
        assertThat(shown.fullSize()).isFalse();
        assertThat(shown.pixels().getWidth()).isEqualTo(1000);
        assertThat(shown.pixels().getHeight()).isEqualTo(750);
        long decodedBytes = (long) shown.pixels().getWidth() * shown.pixels().getHeight() * 3;
        assertThat(decodedBytes).as("decoded pixels").isLessThan(3L << 20);
        assertThat(allocated).as("bytes allocated to decode the photo for the screen").isLessThan(6L << 20);
    }

    @Test
    void fullSizeDecodesEveryPixelAndSmallImagesAreNeverSubsampled() throws Exception {
        byte[] photo = jpeg(640, 480);
        ImageDecoder.Decoded full = ImageDecoder.decode(photo, ImageDecoder.FULL_SIZE, ImageDecoder.FULL_SIZE)
                .orElseThrow();
        assertThat(full.fullSize()).isTrue();
        assertThat(full.pixels().getWidth()).isEqualTo(640);

        ImageDecoder.Decoded inLargeBox = ImageDecoder.decode(photo, 1000, 700).orElseThrow();
        assertThat(inLargeBox.step()).isEqualTo(1);
        assertThat(inLargeBox.pixels().getHeight()).isEqualTo(480);
    }

    @Test
    void theStepLeavesAtLeastTheFittedSize() {
        assertThat(ImageDecoder.step(4000, 3000, 320, 320)).isEqualTo(12); // 333 x 250 for a 160-pixel thumbnail
        assertThat(ImageDecoder.step(3000, 4000, 1000, 700)).isEqualTo(5); // portrait: 600 x 800 for 525 x 700
        assertThat(ImageDecoder.step(1999, 1000, 1000, 700)).isEqualTo(1);
        assertThat(ImageDecoder.step(4000, 3000, ImageDecoder.FULL_SIZE, ImageDecoder.FULL_SIZE)).isEqualTo(1);
    }

    @Test
    void whatDoesNotDecodeIsEmpty() {
        assertThat(ImageDecoder.decode("not a picture".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 100, 100))
                .isEqualTo(Optional.empty());
        assertThat(ImageDecoder.decode(new byte[0], 100, 100)).isEmpty();
    }

    private static byte[] jpeg(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] raster = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < raster.length; i++) {
            raster[i] = (byte) (i / 3 % width + i / (3 * width));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
