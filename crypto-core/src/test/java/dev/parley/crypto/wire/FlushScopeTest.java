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
