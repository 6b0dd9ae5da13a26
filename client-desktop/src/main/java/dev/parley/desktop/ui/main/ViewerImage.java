package dev.parley.desktop.ui.main;

import dev.parley.desktop.service.attachment.ImageDecoder;
import java.awt.image.BufferedImage;
import java.util.Objects;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/**
 * An image as the viewer shows it: its pixels, decoded fitted to the viewer or at full size ({@link ImageDecoder}),
 * and the image's full size.
 *
 * @param image      the pixels, ready for an {@code ImageView}
 * @param fullWidth  the image's own width in pixels
 * @param fullHeight its own height
 * @param fullSize   whether {@code image} has every pixel (else it is subsampled to about the viewer's size)
 */
public record ViewerImage(Image image, int fullWidth, int fullHeight, boolean fullSize) {
    public ViewerImage {
        Objects.requireNonNull(image);
    }

    /**
     * The decoded pixels as a JavaFX image, copied one row at a time (no second whole-image buffer). Off the FX thread:
     * the image is not shown yet, so writing it there is allowed.
     */
    static ViewerImage of(ImageDecoder.Decoded decoded) {
        BufferedImage pixels = decoded.pixels();
        int width = pixels.getWidth();
        int height = pixels.getHeight();
        WritableImage image = new WritableImage(width, height);
        PixelWriter writer = image.getPixelWriter();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            pixels.getRGB(0, y, width, 1, row, 0, width);
            writer.setPixels(0, y, width, 1, PixelFormat.getIntArgbInstance(), row, 0, width);
        }
        return new ViewerImage(image, decoded.width(), decoded.height(), decoded.fullSize());
    }
}
