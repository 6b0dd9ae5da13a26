package dev.parley.desktop.ui;

import java.util.List;
import javafx.application.Application;

/**
 * The desktop app's main class. It does not extend {@code Application}, so the app starts from a plain classpath
 * (the {@code ./parley} script) without the JavaFX module launcher.
 */
public final class ParleyLauncher {
    private ParleyLauncher() {
    }

    /** The desktop app's logging configuration, a classpath resource. */
    static final String LOGGING = "dev/parley/desktop/ui/logback-desktop.xml";

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING);
        }
        try {
            LaunchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        Application.launch(ParleyDesktopApp.class, args);
    }
}
