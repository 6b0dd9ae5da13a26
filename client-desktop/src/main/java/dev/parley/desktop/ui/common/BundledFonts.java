package dev.parley.desktop.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.scene.text.Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fonts Parley ships so that every script and emoji shows on a desktop that has only Debian's default fonts
 * (DejaVu, which has no CJK and no emoji): Noto Sans (Latin, Greek, Cyrillic; the UI font, see parley.css), Noto Sans
 * Arabic and Hebrew, WenQuanYi Micro Hei (Chinese, Japanese, Korean) and an emoji subset of Symbola (monochrome: JavaFX
 * 21 draws no colour bitmap emoji fonts such as Noto Color Emoji on Linux, it leaves them blank). JavaFX picks a glyph
 * a font lacks from the other loaded fonts and the system's, so loading them is all it takes; fonts installed on the
 * system (fonts-noto-cjk, for instance) are used as well. Licences: docs/fonts.md and the files beside the fonts.
 * The same background thread reads the colour emoji index ({@link EmojiIndex#bundled()}), so the FX thread never does.
 */
public final class BundledFonts {
    private static final Logger LOG = LoggerFactory.getLogger(BundledFonts.class);
    private static final String DIR = "/dev/parley/desktop/ui/fonts/";
    /** The UI's own font (parley.css names it): loaded before the first screen is styled. */
    static final List<String> UI_FONT = List.of("NotoSans-Regular.ttf", "NotoSans-Bold.ttf");
    /** The fallbacks for other scripts and emoji (about 5 MB): loaded in the background. */
    static final List<String> FALLBACKS = List.of("NotoSansArabic-Regular.ttf", "NotoSansHebrew-Regular.ttf",
            "WenQuanYiMicroHei-CJK.ttf", "Symbola-emoji.ttf");
    /** Completes once the UI font is loaded; null until loading starts. */
    private static CompletableFuture<Void> uiFont;
    /** Completes with the number of fallback faces loaded. */
    private static CompletableFuture<Integer> fallbacks;

    private BundledFonts() {
    }

    /**
     * Starts loading every bundled font, the UI font first, on a background thread (once per process), for a caller
     * that has other work to do before its first scene is styled; {@link #load()} then waits for the UI font only.
     */
    public static synchronized void preload() {
        if (uiFont == null) {
            uiFont = new CompletableFuture<>();
            CompletableFuture<Void> ui = uiFont;
            fallbacks = CompletableFuture.supplyAsync(() -> {
                try {
                    loadAll(UI_FONT);
                } finally {
                    ui.complete(null);
                }
                return loadFallbacks();
            }, BundledFonts::onFontThread);
        }
    }

    /**
     * Makes sure the UI font is loaded (now, or by waiting for {@link #preload()}) and the fallbacks are loading on a
     * background thread (once per process). Call before the first scene is styled.
     *
     * @return completes with the number of fallback font faces loaded
     */
    public static CompletableFuture<Integer> load() {
        CompletableFuture<Void> ui;
        CompletableFuture<Integer> rest;
        synchronized (BundledFonts.class) {
            if (uiFont == null) {
                loadAll(UI_FONT);
                uiFont = CompletableFuture.completedFuture(null);
                fallbacks = CompletableFuture.supplyAsync(BundledFonts::loadFallbacks, BundledFonts::onFontThread);
            }
            ui = uiFont;
            rest = fallbacks;
        }
        ui.join();
        return rest;
    }

    /** The emoji index first (bubbles ask it for every message; never read on the FX thread), then the fonts. */
    private static int loadFallbacks() {
        try {
            EmojiIndex.bundled();
        } catch (RuntimeException e) {
            LOG.warn("bundled emoji index not read ({})", e.getClass().getSimpleName());
        }
        return loadAll(FALLBACKS);
    }

    private static void onFontThread(Runnable r) {
        Thread t = new Thread(r, "parley-fonts");
        t.setDaemon(true);
        t.start();
    }

    private static int loadAll(List<String> files) {
        int faces = 0;
        for (String file : files) {
            try (InputStream in = BundledFonts.class.getResourceAsStream(DIR + file)) {
                if (in == null) {
                    LOG.warn("bundled font missing: {}", file);
                    continue;
                }
                Font[] loaded = Font.loadFonts(in, 14);
                if (loaded == null || loaded.length == 0) {
                    LOG.warn("bundled font not loaded: {}", file);
                } else {
                    faces += loaded.length;
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("bundled font not loaded: {} ({})", file, e.getClass().getSimpleName());
            }
        }
        LOG.debug("loaded {} font faces", faces);
        return faces;
    }
}
