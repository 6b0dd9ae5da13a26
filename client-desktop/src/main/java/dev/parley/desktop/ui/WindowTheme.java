package dev.parley.desktop.ui;

import dev.parley.desktop.ui.common.SystemColorScheme;
import dev.parley.desktop.ui.common.Theme;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's look on its window and dialogs: the chosen {@link Theme} (AtlantaFX light or dark as the user-agent
 * stylesheet, with {@code theme-light}/{@code theme-dark} on each scene's root), Parley's own stylesheet, and the
 * "System" theme following the desktop's light or dark preference. Call on the FX thread.
 */
final class WindowTheme {
    private static final Logger LOG = LoggerFactory.getLogger(WindowTheme.class);
    private static final String STYLESHEET = "/dev/parley/desktop/ui/common/parley.css";

    private final Scene window;
    private final Supplier<List<Stage>> dialogs;
    private Theme theme = Theme.SYSTEM;
    private Theme desktopLook = Theme.LIGHT;
    private Supplier<Theme> desktopScheme = SystemColorScheme::detect;

    /** @param dialogs the open dialogs, restyled with the window */
    WindowTheme(Scene window, Supplier<List<Stage>> dialogs) {
        this.window = Objects.requireNonNull(window);
        this.dialogs = Objects.requireNonNull(dialogs);
    }

    /** Where the "System" theme learns the desktop's preference (tests replace the desktop); asks it now. */
    void followDesktopScheme(Supplier<Theme> scheme) {
        desktopScheme = Objects.requireNonNull(scheme);
        refreshDesktopLook();
    }

    /**
     * Asks the desktop for its light/dark preference off the FX thread (it runs a process) and re-themes if the
     * "System" theme is chosen. Not through {@code BackgroundTasks}: it must not make screens busy.
     */
    void refreshDesktopLook() {
        Supplier<Theme> scheme = desktopScheme;
        CompletableFuture.supplyAsync(scheme::get).whenComplete((look, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                LOG.warn("cannot read the desktop's colour scheme: {}", failure.getClass().getSimpleName());
                return;
            }
            if (look != desktopLook) {
                desktopLook = look;
                if (theme == Theme.SYSTEM) {
                    apply(theme);
                }
            }
        }));
    }

    /** The window's stylesheets and theme, the first time (the window is drawn without them until then). */
    void styleWindowOnce() {
        if (window.getStylesheets().isEmpty()) {
            style(window);
            apply(theme);
        }
    }

    /** Switches to the theme {@code next} (for SYSTEM: the desktop's light or dark) everywhere. */
    void apply(Theme next) {
        theme = Objects.requireNonNull(next);
        String agent = look().userAgentStylesheet();
        if (!agent.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(agent);
        }
        restyle(window);
        for (Stage d : dialogs.get()) {
            restyle(d.getScene());
        }
    }

    /** Parley's stylesheet and the look's root class on {@code s} (a dialog's scene). */
    void style(Scene s) {
        s.getStylesheets().setAll(Objects.requireNonNull(WindowTheme.class.getResource(STYLESHEET)).toExternalForm());
        restyle(s);
    }

    /** The look's root class on {@code s}'s root (after a new root was set). */
    void restyle(Scene s) {
        if (s == null || s.getRoot() == null) {
            return;
        }
        List<String> classes = s.getRoot().getStyleClass();
        String wanted = look().rootStyleClass();
        // the same look again (the settings read after unlock, issue #14) changes nothing: a style class taken off the
        // root and put back makes JavaFX look up the styles of every node in the window again
        if (classes.contains(wanted) && classes.stream().filter(c -> c.startsWith("theme-")).count() == 1) {
            return;
        }
        classes.removeIf(c -> c.startsWith("theme-"));
        classes.add(wanted);
    }

    /** The look showing now: LIGHT or DARK. */
    Theme look() {
        return theme.resolve(() -> desktopLook);
    }
}
