package dev.parley.desktop.service.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.attachment.ImageCacheFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #14: avatars are cropped, downscaled, stripped of metadata and size-limited; bad files are refused. */
class AvatarImagesTest {

    @Test
    void aPhotoIsCroppedDownscaledAndLosesItsMetadata() throws Exception {
        byte[] photo = withTextChunk(png(noise(1200, 800)), "GPS", "51.5007N 0.1246W SECRET-LOCATION");
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("SECRET-LOCATION");

        byte[] avatar = AvatarImages.prepare(photo);

        assertThat(avatar.length).isLessThanOrEqualTo(Payload.Profile.MAX_AVATAR_BYTES);
        assertThat(new String(avatar, StandardCharsets.ISO_8859_1)).doesNotContain("SECRET-LOCATION").doesNotContain("tEXt");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(avatar));
        assertThat(decoded.getWidth()).isEqualTo(decoded.getHeight()).isLessThanOrEqualTo(128);
        assertThat(AvatarImages.checkReceived(avatar)).isPresent();
    }

    @Test
    void whatIsNotASmallEnoughImageIsRefusedBySenderAndDroppedByReceiver() throws Exception {
        assertThatThrownBy(() -> AvatarImages.prepare("not an image at all".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a PNG");
        assertThatThrownBy(() -> AvatarImages.prepare(new byte[50 * 1024 * 1024]))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("larger than 10 MB");
        byte[] bomb = pngHeaderClaiming(100_000, 100_000);
        assertThatThrownBy(() -> AvatarImages.prepare(bomb)).isInstanceOf(InvalidInputException.class);

        assertThat(AvatarImages.checkReceived("text".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(AvatarImages.checkReceived(png(noise(600, 600)))).as("over 512 pixels a side").isEmpty();
        assertThat(AvatarImages.checkReceived(new byte[0])).isEmpty();
        assertThat(AvatarImages.checkReceived(bomb)).isEmpty();
    }

    /**
     * A received avatar is a decrypted image: decoding it, and making one from a picture the user picks, must not pass
     * it through ImageIO's cache file.
     */
    @Test
    void avatarsAreDecodedAndEncodedWithoutAnImageCacheFile(@TempDir Path cache) throws Exception {
        byte[] picture = png(noise(300, 200));
        byte[] avatar = AvatarImages.prepare(picture);
        assertThat(ImageCacheFiles.createdWhile(cache, () -> {
            AvatarImages.prepare(picture);
            assertThat(AvatarImages.checkReceived(avatar)).isPresent();
        })).isEmpty();
    }

    private static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(random.nextInt(width), random.nextInt(height), 80, 80);
        }
        g.dispose();
        return image;
    }

    private static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The PNG with a tEXt chunk (as cameras and editors add) inserted right after IHDR. */
    private static byte[] withTextChunk(byte[] png, String key, String value) {
        byte[] data = (key + "\0" + value).getBytes(StandardCharsets.ISO_8859_1);
        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        return ByteBuffer.allocate(png.length + 12 + data.length).put(png, 0, afterIhdr).put(chunk("tEXt", data))
                .put(png, afterIhdr, png.length - afterIhdr).array();
    }

    /** A PNG signature and IHDR claiming a huge image, with no pixel data (a decompression bomb's header). */
    private static byte[] pngHeaderClaiming(int width, int height) {
        byte[] ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0).array();
        return ByteBuffer.allocate(8 + 12 + 13).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .put(chunk("IHDR", ihdr)).array();
    }

    private static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1))
                .put(data).putInt((int) crc.getValue()).array();
    }
}
