package dev.parley.crypto.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlushScopeTest {
    private final List<String> flushed = new ArrayList<>();
    private final FlushScope.Flushable a = () -> flushed.add("a");
    private final FlushScope.Flushable b = () -> flushed.add("b");

    @Test
    void outsideAScopeTheWriterMustFlushItself() {
        assertThat(FlushScope.defer(a)).isFalse();
        assertThat(flushed).isEmpty();
    }

    @Test
    void insideAScopeEachWriterIsFlushedOnceAtTheEndInFirstDeferredOrder() {
        FlushScope.run(() -> {
            assertThat(FlushScope.defer(b)).isTrue();
            assertThat(FlushScope.defer(a)).isTrue();
            assertThat(FlushScope.defer(b)).isTrue();
            assertThat(flushed).isEmpty();
        });
        assertThat(flushed).containsExactly("b", "a");
        assertThat(FlushScope.defer(a)).isFalse();
    }

    @Test
    void anInnerScopeJoinsTheOuterOne() {
        FlushScope.run(() -> {
            FlushScope.run(() -> FlushScope.defer(a));
            assertThat(flushed).isEmpty();
        });
        assertThat(flushed).containsExactly("a");
    }

    @Test
    void deferredWritersAreFlushedEvenWhenTheWorkFails() {
        assertThatThrownBy(() -> FlushScope.run(() -> {
            FlushScope.defer(a);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(flushed).containsExactly("a");
        assertThat(FlushScope.defer(b)).isFalse();
    }

    @Test
    void aWriterThatThrowsDoesNotKeepTheOthersWaiting() {
        FlushScope.Flushable broken = () -> {
            throw new IllegalStateException("socket gone");
        };
        FlushScope.run(() -> {
            FlushScope.defer(broken);
            FlushScope.defer(a);
        });
        assertThat(flushed).containsExactly("a");
    }

    /**
     * Issue #18 item 19: at CLI shutdown a write rejected by the WebSocket client's stopped executor was logged as
     * {@code A deferred flush failed: java.util.concurrent.RejectedExecutionException: Task ...TyrusSession$...}, which
     * the CLI prints on stderr. What is logged at warn (what a user sees) names no exception or internal class.
     */
    @Test
    void aFailedFlushIsReportedWithoutExceptionOrInternalClassNames() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(FlushScope.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen =
                new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        try {
            FlushScope.run(() -> FlushScope.defer(() -> {
                throw new java.util.concurrent.RejectedExecutionException("Task org.glassfish.tyrus.core."
                        + "TyrusSession$IdleTimeoutCommand@1b2c3d rejected from java.util.concurrent.ScheduledThreadPoolExecutor");
            }));
        } finally {
            logger.detachAppender(seen);
        }
        List<ch.qos.logback.classic.spi.ILoggingEvent> warnings = seen.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getFormattedMessage()).doesNotContain("Exception", "$", "org.", "java.")
                .contains("queued frames");
        assertThat(warnings.get(0).getThrowableProxy()).as("no stack trace at warn").isNull();
    }

    @Test
    void scopesBelongToOneThread() throws Exception {
        FlushScope.run(() -> {
            Thread other = new Thread(() -> {
                if (!FlushScope.defer(b)) {
                    flushed.add("other thread flushes itself");
                }
            });
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(flushed).containsExactly("other thread flushes itself");
    }
}
