package dev.parley.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The "System" theme's reading of the desktop's light/dark preference (as GTK and GNOME state it). */
class SystemColorSchemeTest {
    @Test
    void gtkThemeVariableDecidesFirst() {
        assertThat(SystemColorScheme.fromSignals(Map.of("GTK_THEME", "Adwaita:dark"), Optional.of("'default'"),
                Optional.empty())).isEqualTo(Theme.DARK);
        assertThat(SystemColorScheme.fromSignals(Map.of("GTK_THEME", "Adwaita"), Optional.of("'prefer-dark'"),
                Optional.empty())).isEqualTo(Theme.LIGHT);
    }

    @Test
    void gnomeColorSchemeThenTheGtkThemeName() {
        assertThat(SystemColorScheme.fromSignals(Map.of(), Optional.of("'prefer-dark'\n"), Optional.empty()))
                .isEqualTo(Theme.DARK);
        assertThat(SystemColorScheme.fromSignals(Map.of(), Optional.of("'prefer-light'"), Optional.of("'Yaru-dark'")))
                .isEqualTo(Theme.LIGHT);
        assertThat(SystemColorScheme.fromSignals(Map.of(), Optional.of("'default'"), Optional.of("'Yaru-dark'\n")))
                .isEqualTo(Theme.DARK);
        assertThat(SystemColorScheme.fromSignals(Map.of(), Optional.of("'default'"), Optional.of("'Adwaita'")))
                .isEqualTo(Theme.LIGHT);
    }

    @Test
    void nothingKnownIsLight() {
        assertThat(SystemColorScheme.fromSignals(Map.of(), Optional.empty(), Optional.empty())).isEqualTo(Theme.LIGHT);
    }

    @Test
    void theSettingResolvesToALook() {
        assertThat(Theme.SYSTEM.resolve(() -> Theme.DARK)).isEqualTo(Theme.DARK);
        assertThat(Theme.SYSTEM.resolve(() -> Theme.SYSTEM)).isEqualTo(Theme.LIGHT);
        assertThat(Theme.LIGHT.resolve(() -> Theme.DARK)).isEqualTo(Theme.LIGHT);
        assertThat(Theme.parse("dark")).isEqualTo(Theme.DARK);
        assertThat(Theme.parse("nonsense")).isEqualTo(Theme.SYSTEM);
    }
}
