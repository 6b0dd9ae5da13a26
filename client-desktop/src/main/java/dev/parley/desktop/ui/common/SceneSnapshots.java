package dev.parley.desktop.ui.common;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes what a scene shows to a PNG, with the app's own renderer. Call on the FX thread. */
public final class SceneSnapshots {
    private SceneSnapshots() {
    }

    /** Renders {@code scene} and writes it to {@code file} (parent directories are created). */
    public static Path write(Scene scene, Path file) throws IOException {
        WritableImage image = scene.snapshot(null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(buffered, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
        return file;
    }
}
