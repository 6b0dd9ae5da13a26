package dev.parley.desktop.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;

/**
 * The one appender both of Parley's logging set-ups use: plain lines on stderr in a given pattern. Configured in
 * code because parsing logback's XML configuration costs a start-up a noticeable part of a second (docs/benchmarks.md,
 * "Startup").
 */
public final class StderrAppender {
    private StderrAppender() {
    }

    /** A started stderr appender for {@code context} writing each event as {@code pattern}. */
    public static ConsoleAppender<ILoggingEvent> start(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        return stderr;
    }
}
