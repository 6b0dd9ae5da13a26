package dev.parley.desktop.ui;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.parley.desktop.logging.StderrAppender;
import org.slf4j.Logger;

/**
 * The desktop app's logging, set up in code (found by logback as a service): Parley's own INFO and everyone's
 * warnings, on stderr. It replaced an XML file whose parsing cost about a sixth of the time to the first window.
 * Nothing secret is ever logged. Active only when {@link ParleyLauncher} asked for it ({@link #select()}) and no
 * {@code logback.configurationFile} is given.
 */
public final class DesktopLogging extends ContextAwareBase implements Configurator {
    static final String PROPERTY = "parley.logging";
    private static final String DESKTOP = "desktop";

    /** Makes the next logback initialisation in this JVM use the desktop app's configuration. */
    static void select() {
        System.setProperty(PROPERTY, DESKTOP);
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!DESKTOP.equals(System.getProperty(PROPERTY)) || System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(StderrAppender.start(context, "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n"));
        context.getLogger("dev.parley").setLevel(Level.INFO);
        // Flyway warns on every start that H2 is newer than it was verified with; our migrations run on exactly the
        // pinned H2 in every build, so that says nothing to a user. Flyway's real errors still show.
        context.getLogger("org.flywaydb.core.internal.database.base.Database").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
