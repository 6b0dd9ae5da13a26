package dev.parley.desktop.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small pictures for avatar and file tests: a PNG whose left half is one colour and right half another. */
final class TwoColourPicture {
    private TwoColourPicture() {
    }

    /** Writes a {@code width} x {@code height} PNG to {@code file}, {@code left} then {@code right} (0xRRGGBB). */
    static Path write(Path file, int width, int height, int left, int right) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, x < width / 2 ? left : right);
            }
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
        return file;
    }
}
