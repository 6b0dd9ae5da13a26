package dev.parley.desktop.ui;

import java.util.List;
import javafx.application.Application;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's main class. It does not extend {@code Application}, so the app starts from a plain classpath
 * (the {@code ./parley} script) without the JavaFX module launcher.
 */
public final class ParleyLauncher {
    private ParleyLauncher() {
    }

    public static void main(String[] args) {
        DesktopLogging.select();
        // Logging starts on its own thread while JavaFX brings up its toolkit (GTK, the graphics pipeline) on this
        // one: the first window no longer waits for logback's set-up (docs/benchmarks.md, "Startup").
        Thread logging = new Thread(LoggerFactory::getILoggerFactory, "parley-logging-init");
        logging.setDaemon(true);
        logging.start();
        try {
            LaunchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        Application.launch(ParleyDesktopApp.class, args);
    }
}
