package dev.parley.desktop.ui;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up UI tests shared ({@link DesktopTest}): before each test (and before the class's own
 * {@code @BeforeEach}), a {@link DesktopFixture} over a new {@link UiTestNetwork} in a temporary directory, put into
 * the test's fields of type {@code DesktopFixture}, {@code UiTestNetwork} and {@code ProfileSessions}; after the test
 * (after its {@code @AfterEach}), the fixture is closed (the window, the profiles, the relay) and the directory removed.
 */
final class DesktopExtension implements BeforeEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DesktopExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        DesktopTest settings = context.getRequiredTestClass().getAnnotation(DesktopTest.class);
        java.util.function.UnaryOperator<dev.parley.relay.RelayConfig> relay = settings == null ? c -> c
                : settings.relay().getDeclaredConstructor().newInstance();
        Path dir = Files.createTempDirectory("parley-ui-");
        DesktopFixture app = DesktopFixture.withNetwork(dir, relay);
        // closed by JUnit when the test's context ends, after the test class's @AfterEach methods
        context.getStore(NAMESPACE).put(DesktopFixture.class, new Opened(app, dir));
        Object test = context.getRequiredTestInstance();
        for (Class<?> c = test.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Object value = valueFor(field.getType(), app);
                if (value != null && !java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    field.set(test, value);
                }
            }
        }
    }

    private static Object valueFor(Class<?> type, DesktopFixture app) {
        if (type == DesktopFixture.class) {
            return app;
        }
        if (type == UiTestNetwork.class) {
            return app.net();
        }
        return type == ProfileSessions.class ? app.sessions : null;
    }

    /** The fixture of one test and its directory. */
    private record Opened(DesktopFixture app, Path dir) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Throwable {
            try {
                app.close();
            } finally {
                deleteTree(dir);
            }
        }

        private static void deleteTree(Path root) throws IOException {
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(root)) {
                paths = walk.sorted(Comparator.reverseOrder()).toList();
            }
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        }
    }
}
