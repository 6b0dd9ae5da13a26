package dev.parley.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The desktop app's logging, configured in code: the levels the XML file it replaced had, on stderr. */
class DesktopLoggingTest {

    @AfterEach
    void clear() {
        System.clearProperty(DesktopLogging.PROPERTY);
    }

    @Test
    void whenSelectedParleyLogsInfoEveryoneElseWarningsAndFlywaysVersionNoteIsHidden() {
        DesktopLogging.select();
        LoggerContext context = new LoggerContext();
        DesktopLogging logging = new DesktopLogging();
        logging.setContext(context);

        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, logging.configure(context));
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.WARN, root.getLevel());
        assertNotNull(root.getAppender("STDERR"));
        assertEquals(Level.INFO, context.getLogger("dev.parley.desktop.service").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("org.glassfish.tyrus").getEffectiveLevel());
        assertEquals(Level.ERROR,
                context.getLogger("org.flywaydb.core.internal.database.base.Database").getEffectiveLevel());
    }

    @Test
    void otherwiseItLeavesConfigurationToTheNextConfigurator() {
        LoggerContext context = new LoggerContext();
        DesktopLogging logging = new DesktopLogging();
        logging.setContext(context);

        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, logging.configure(context));
        assertNull(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR"));
    }
}
