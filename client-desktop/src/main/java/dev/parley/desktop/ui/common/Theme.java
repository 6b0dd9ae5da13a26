package dev.parley.desktop.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import javafx.scene.paint.Color;
import java.util.function.Supplier;

/**
 * The looks of the app: AtlantaFX Primer light or dark, plus Parley's own stylesheet on top. {@link #SYSTEM} is a
 * setting, not a look: it stands for whichever of the two the desktop prefers ({@link SystemColorScheme}).
 */
public enum Theme {
    SYSTEM, LIGHT, DARK;

    /** The look to show: this one, or for {@link #SYSTEM} what {@code desktop} says (LIGHT or DARK). */
    public Theme resolve(Supplier<Theme> desktop) {
        if (this != SYSTEM) {
            return this;
        }
        return desktop.get() == DARK ? DARK : LIGHT;
    }

    /** The AtlantaFX user-agent stylesheet for this look ({@link #SYSTEM} is resolved first). */
    public String userAgentStylesheet() {
        return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    /**
     * The background of the welcome screens (onboarding, unlock) in this look ({@link #SYSTEM} is resolved first):
     * the theme's {@code -color-bg-subtle}, for the window's first frame, which is drawn before any stylesheet is
     * loaded (the UI tests compare it with what the stylesheets give).
     */
    public Color welcomeBackground() {
        return this == DARK ? Color.web("#161b22") : Color.web("#f6f8fa");
    }

    /** The style class put on the scene root, so {@code parley.css} can adjust its own colours. */
    public String rootStyleClass() {
        return "theme-" + (this == DARK ? "dark" : "light");
    }

    /** Parses "system"/"light"/"dark" (any case); anything else is SYSTEM. */
    public static Theme parse(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (Theme t : values()) {
            if (t.name().equals(v)) {
                return t;
            }
        }
        return SYSTEM;
    }
}
