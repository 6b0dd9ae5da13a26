package dev.parley.desktop.ui.main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An image pasted from the clipboard, written as a PNG to an owner-only temporary file so it can be sent like any file
 * (the attachment service then re-encodes it from pixels). The file is deleted once sent or dismissed, and at exit.
 */
final class PastedImages {
    private static final Logger LOG = LoggerFactory.getLogger(PastedImages.class);

    private PastedImages() {
    }

    /** Writes {@code image} (call off the UI thread). */
    static Path write(Image image) throws IOException {
        Path file;
        try {
            file = Files.createTempFile("parley-pasted-", ".png",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            file = Files.createTempFile("parley-pasted-", ".png");
        }
        file.toFile().deleteOnExit();
        Path target = file.resolveSibling("pasted-image-" + file.getFileName().toString().substring("parley-pasted-".length()));
        try {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
            Files.move(file, target);
            target.toFile().deleteOnExit();
            return target;
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e instanceof IOException io ? io : new IOException("cannot write the pasted image", e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("event=pasted_image_not_deleted error={}", e.getClass().getSimpleName());
        }
    }
}
