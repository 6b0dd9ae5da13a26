package dev.parley.desktop.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;

/** The two looks of the app: AtlantaFX Primer light or dark, plus Parley's own stylesheet on top. */
public enum Theme {
    LIGHT, DARK;

    /** The AtlantaFX user-agent stylesheet for this theme. */
    public String userAgentStylesheet() {
        return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    /** The style class put on the scene root, so {@code parley.css} can adjust its own colours. */
    public String rootStyleClass() {
        return "theme-" + name().toLowerCase(Locale.ROOT);
    }

    /** Parses "light"/"dark" (any case); anything else is LIGHT. */
    public static Theme parse(String value) {
        return "dark".equalsIgnoreCase(value == null ? "" : value.trim()) ? DARK : LIGHT;
    }
}
