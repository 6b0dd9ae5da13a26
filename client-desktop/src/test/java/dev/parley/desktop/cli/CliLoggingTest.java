package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CLI's logging: one plain line per warning on stderr, no logger names, no stack traces, no info lines. */
class CliLoggingTest {
    private final PrintStream realErr = System.err;

    @AfterEach
    void restore() {
        System.setErr(realErr);
        System.clearProperty(CliLogging.PROPERTY);
    }

    @Test
    void aWarningIsOnePlainLineOnStderr() {
        System.setProperty(CliLogging.PROPERTY, "cli");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        assertThat(new CliLogging().configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        context.getLogger("dev.parley.desktop.service.Something").info("not shown");
        context.getLogger("dev.parley.desktop.service.Something").warn("relay unreachable", new IllegalStateException("x"));
        context.getLogger("org.glassfish.tyrus.Noise").warn("not shown either");
        context.stop();

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("parley-cli: relay unreachable" + System.lineSeparator());
    }

    @Test
    void otherProgramsKeepTheirOwnConfiguration() {
        assertThat(new CliLogging().configure(new LoggerContext())).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }
}
