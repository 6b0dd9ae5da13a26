package dev.parley.desktop.ui;

import dev.parley.relay.RelayConfig;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A UI test class over the real desktop shell: tagged "ui", and before each test {@link DesktopExtension} gives its
 * fields of type {@link DesktopFixture}, {@link UiTestNetwork} and {@link ProfileSessions} a new desktop over a relay
 * of its own in a new directory, closed and removed after the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("ui")
@ExtendWith(DesktopExtension.class)
@interface DesktopTest {
    /**
     * Changes the relay's settings from the tests' defaults (every rate limit off): limits, quotas. A class with a
     * constructor without parameters.
     */
    Class<? extends UnaryOperator<RelayConfig>> relay() default Defaults.class;

    /** The relay as {@link UiTestNetwork} sets it up. */
    final class Defaults implements UnaryOperator<RelayConfig> {
        @Override
        public RelayConfig apply(RelayConfig config) {
            return config;
        }
    }
}
