package dev.parley.desktop.ui;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.SceneSnapshots;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real desktop shell on the (headless Monocle) primary stage, over a {@link ProfileSessions}. */
final class DesktopFixture implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(45);

    final FxRobot robot = eventPacedRobot();
    final ProfileSessions sessions;
    /** The app's two pools: the ordinary workers and the heavy ones below the UI thread's priority. */
    private final ExecutorService worker = ParleyDesktopApp.newWorkerPool();
    private final ExecutorService heavyWorker = ParleyDesktopApp.newHeavyWorkerPool();
    private AppShell shell;
    private Stage stage;
    /** The network this fixture made and closes ({@link #withNetwork}), or null. */
    private UiTestNetwork network;

    DesktopFixture(ProfileSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * The desktop over a new {@link UiTestNetwork} (a relay of its own, its settings changed by {@code relayOptions})
     * in {@code dir}; {@link #close} closes both. UI tests get it from {@link DesktopExtension}.
     */
    static DesktopFixture withNetwork(Path dir, java.util.function.UnaryOperator<dev.parley.relay.RelayConfig> relayOptions)
            throws Exception {
        UiTestNetwork net = new UiTestNetwork(dir, relayOptions);
        DesktopFixture fixture = new DesktopFixture(net.desktopSessions());
        fixture.network = net;
        return fixture;
    }

    /** The network of {@link #withNetwork}. */
    UiTestNetwork net() {
        return network;
    }

    /** Creates the profile and account {@code name} on the network's relay, as first run does, and locks it. */
    void createLocked(String name) throws Exception {
        network.createProfile(sessions, name);
        sessions.lock();
    }

    /**
     * Creates the desktop profile {@code name} on the network's relay (left unlocked) and another client
     * {@code other}, each in the other's contacts.
     *
     * @return the other client
     */
    dev.parley.desktop.app.ParleyApp createWithContact(String name, String other) throws Exception {
        dev.parley.desktop.app.ParleyApp client = network.otherClient(other);
        network.createProfile(sessions, name).addContact(other);
        client.contacts().add(name);
        return client;
    }

    /** TestFX's robot, typing text without its fixed per-character pauses ({@link EventPacedWriteRobot}). */
    private static FxRobot eventPacedRobot() {
        return new FxRobot() {
            private final EventPacedWriteRobot writer =
                    new EventPacedWriteRobot(robotContext().getBaseRobot(), robotContext().getWindowFinder());

            @Override
            public FxRobot write(char character) {
                writer.write(character);
                return this;
            }

            @Override
            public FxRobot write(String text) {
                writer.write(text);
                return this;
            }

            @Override
            public FxRobot write(String text, int sleepMillis) {
                writer.write(text, sleepMillis);
                return this;
            }
        };
    }

    /** Shows the app's first screen for {@code profile}. */
    DesktopFixture start(String profile) throws TimeoutException {
        return start(profile, Clock.systemDefaultZone(), Duration.ofSeconds(5));
    }

    /** Shows the app's first screen for {@code profile}, its time from {@code clock}, checking idleness that often. */
    DesktopFixture start(String profile, Clock clock, Duration idleCheck) throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            shell = new AppShell(stage, sessions, new BackgroundTasks(worker, heavyWorker, Platform::runLater),
                    new UserMessages(ViewLoader.defaultBundle()), clock, profile, idleCheck);
            shell.start();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /**
     * Starts the shell as the app does ({@link AppShell#startWindowFirst}) for {@code profile}.
     *
     * @param ready set once the shell says its first screen takes input
     * @return the window's root right after the start call returned (before any pulse)
     */
    javafx.scene.Parent startWindowFirst(String profile, java.util.concurrent.atomic.AtomicBoolean ready)
            throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        java.util.concurrent.atomic.AtomicReference<javafx.scene.Parent> first =
                new java.util.concurrent.atomic.AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            shell = new AppShell(stage, sessions, new BackgroundTasks(worker, heavyWorker, Platform::runLater),
                    new UserMessages(ViewLoader.defaultBundle()), Clock.systemDefaultZone(), profile);
            shell.startWindowFirst(() -> ready.set(true));
            first.set(stage.getScene().getRoot());
        });
        return first.get();
    }

    AppShell shell() {
        return shell;
    }

    /** The app's window. */
    Stage stage() {
        return stage;
    }

    /** Unlocks {@code profile} on the unlock screen with the test passphrase and waits for the main window. */
    void unlock() throws Exception {
        robot.clickOn("#passphrase").write(UiTestNetwork.PASSPHRASE);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> showing("#conversationList"));
    }

    /** Runs {@code action} on the FX thread and waits for it. */
    void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits (without fixed sleeps) until {@code condition}, evaluated on the FX thread, holds. */
    void waitUntil(BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (TimeoutException e) {
            long now = System.currentTimeMillis();
            List<Window> windows = WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows())).get();
            for (int i = 0; i < windows.size(); i++) {
                screenshot(windows.get(i).getScene(), "failure-" + now + "-window" + i);
            }
            throw e;
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether a node matching {@code query} is showing. */
    boolean showing(String query) {
        return robot.lookup(query).match(Node::isVisible).tryQuery().filter(n -> n.getScene() != null).isPresent();
    }

    /** Writes the main window's scene to {@code target/screenshots/<name>.png}. */
    void screenshot(String name) throws Exception {
        screenshot(shell.scene(), name);
    }

    void screenshot(Scene scene, String name) throws Exception {
        Path dir = Path.of(System.getProperty("parley.screenshotDir", "target/screenshots"));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> SceneSnapshots.write(scene, dir.resolve(name + ".png"))).get(30, TimeUnit.SECONDS);
    }

    /** As {@link #screenshot(Scene, String)}, taken at once on the FX thread (call it there), between two pulses. */
    void screenshotNow(Scene scene, String name) {
        try {
            SceneSnapshots.write(scene, Path.of(System.getProperty("parley.screenshotDir", "target/screenshots"))
                    .resolve(name + ".png"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        if (shell != null) {
            FxToolkit.setupFixture(shell::shutdown);
        }
        FxToolkit.cleanupStages();
        worker.shutdownNow();
        heavyWorker.shutdownNow();
        sessions.close();
        if (network != null) {
            network.close();
        }
    }
}
