package dev.parley.desktop.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javafx.css.Stylesheet;

/**
 * A build step (run by Maven at {@code process-classes}, see client-desktop/pom.xml): writes the binary form
 * ({@code .bss}) of every stylesheet the app loads at start next to where JavaFX looks for it. JavaFX loads
 * {@code name.bss} instead of parsing {@code name.css} whenever it finds one, and parsing the AtlantaFX theme (170 KB
 * of CSS) and {@code parley.css} was a sixth of the time to the first window (docs/benchmarks.md, "Startup"). The
 * {@code .css} files stay the source; a build always regenerates the binaries from them.
 */
public final class BinaryStylesheets {
    /** The stylesheets converted, as class-path resource names. */
    static final List<String> STYLESHEETS = List.of(
            "dev/parley/desktop/ui/common/parley.css",
            "atlantafx/base/theme/primer-light.css",
            "atlantafx/base/theme/primer-dark.css");

    private BinaryStylesheets() {
    }

    /** {@code args[0]}: the classes directory to write into. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BinaryStylesheets CLASSES_DIR");
        }
        Path classes = Path.of(args[0]);
        Path work = Files.createTempDirectory(classes.getParent(), "bss");
        try {
            for (String css : STYLESHEETS) {
                convert(css, classes, work);
            }
        } finally {
            try (var left = Files.list(work)) {
                for (Path p : left.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    /** The binary name JavaFX tries first for {@code css}. */
    static String binaryName(String css) {
        return css.substring(0, css.length() - ".css".length()) + ".bss";
    }

    private static void convert(String css, Path classes, Path work) throws IOException {
        URL source = BinaryStylesheets.class.getClassLoader().getResource(css);
        if (source == null) {
            throw new IOException("stylesheet not on the class path: " + css);
        }
        Path text = work.resolve("source.css");
        try (InputStream in = source.openStream()) {
            Files.copy(in, text, StandardCopyOption.REPLACE_EXISTING);
        }
        Path target = classes.resolve(binaryName(css));
        Files.createDirectories(target.getParent());
        Path partial = work.resolve("target.bss");
        Stylesheet.convertToBinary(text.toFile(), partial.toFile());
        if (Files.size(partial) == 0) {
            throw new UncheckedIOException(new IOException("empty binary stylesheet for " + css));
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
