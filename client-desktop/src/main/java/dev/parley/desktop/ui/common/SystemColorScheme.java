package dev.parley.desktop.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the desktop prefers a dark or a light look, for the "System" theme. JavaFX 21 (the project's version) has
 * no API for it ({@code Platform.Preferences} arrived in JavaFX 22), so this asks the desktop the way GTK
 * applications do: the {@code GTK_THEME} environment variable (e.g. {@code Adwaita:dark}), then GNOME's
 * {@code color-scheme} setting ({@code prefer-dark}), then whether the GTK theme's name says dark. Anything else,
 * including a desktop without {@code gsettings}, is light. Runs a short process: never call it on the FX thread.
 */
public final class SystemColorScheme {
    private static final Logger LOG = LoggerFactory.getLogger(SystemColorScheme.class);
    private static final long TIMEOUT_MS = 1500;

    private SystemColorScheme() {
    }

    /** Asks this desktop (blocking, at most a few seconds). */
    public static Theme detect() {
        return fromSignals(System.getenv(), gsettings("color-scheme"), gsettings("gtk-theme"));
    }

    /**
     * The decision from what the desktop said.
     *
     * @param environment the process environment ({@code GTK_THEME})
     * @param colorScheme GNOME's {@code org.gnome.desktop.interface color-scheme}, as gsettings prints it
     * @param gtkTheme    GNOME's {@code org.gnome.desktop.interface gtk-theme}, as gsettings prints it
     */
    public static Theme fromSignals(Map<String, String> environment, Optional<String> colorScheme,
                                    Optional<String> gtkTheme) {
        String gtkThemeVariable = environment.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT);
        if (!gtkThemeVariable.isBlank()) {
            return saysDark(gtkThemeVariable) ? Theme.DARK : Theme.LIGHT;
        }
        String scheme = colorScheme.map(SystemColorScheme::unquote).orElse("");
        if (scheme.equals("prefer-dark")) {
            return Theme.DARK;
        }
        if (scheme.equals("prefer-light")) {
            return Theme.LIGHT;
        }
        return gtkTheme.map(SystemColorScheme::unquote).filter(SystemColorScheme::saysDark).isPresent()
                ? Theme.DARK : Theme.LIGHT;
    }

    private static boolean saysDark(String themeName) {
        String t = themeName.toLowerCase(Locale.ROOT);
        return t.endsWith(":dark") || t.endsWith("-dark") || t.endsWith("_dark") || t.contains("-dark-");
    }

    private static String unquote(String s) {
        return s.strip().replace("'", "").toLowerCase(Locale.ROOT);
    }

    private static Optional<String> gsettings(String key) {
        Process p;
        try {
            p = new ProcessBuilder(List.of("gsettings", "get", "org.gnome.desktop.interface", key))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return Optional.empty(); // no gsettings on this desktop
        }
        try (InputStream out = p.getInputStream()) {
            if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String text = new String(out.readNBytes(512), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (p.isAlive()) {
                LOG.debug("gsettings did not answer in time");
                p.destroyForcibly();
            }
        }
    }
}
