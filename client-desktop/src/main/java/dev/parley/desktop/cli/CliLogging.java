package dev.parley.desktop.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.parley.desktop.logging.StderrAppender;
import org.slf4j.Logger;

/**
 * The CLI's logging, set up in code (found by logback as a service) because parsing an XML configuration cost up to
 * a second of every command's start: warnings and errors only, on stderr, so stdout carries nothing but command
 * output, one plain line per event with no logger names and no stack traces. {@code PARLEY_LOG_LEVEL=debug} shows more.
 * Active only when the CLI asked for it ({@link #select()}) and no {@code logback.configurationFile} is given; the
 * desktop app has its own ({@code DesktopLogging}) and tests fall through to their XML files.
 */
public final class CliLogging extends ContextAwareBase implements Configurator {
    static final String PROPERTY = "parley.logging";
    private static final String CLI = "cli";

    /** Makes the next logback initialisation in this JVM use the CLI's configuration. Call before any logging. */
    static void select() {
        System.setProperty(PROPERTY, CLI);
        // Tyrus and Grizzly log through java.util.logging; keep their INFO lines off the terminal.
        java.util.logging.Logger.getLogger("org.glassfish").setLevel(java.util.logging.Level.WARNING);
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!CLI.equals(System.getProperty(PROPERTY)) || System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> stderr = StderrAppender.start(context, "parley-cli: %msg%n%nopex");
        context.getLogger("org.glassfish").setLevel(Level.ERROR);
        context.getLogger("org.flywaydb").setLevel(Level.ERROR);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getenv("PARLEY_LOG_LEVEL"), Level.WARN));
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
