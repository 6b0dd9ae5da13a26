package dev.parley.desktop.ui.unlock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.MigrationProgress;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.Navigator;
import dev.parley.desktop.ui.common.SceneSnapshots;
import dev.parley.desktop.ui.common.Theme;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Migration progress at unlock: while an older profile's history is updated, the unlock screen says "Updating your
 * message history… 45%" (the unlock runs on a worker, the FX thread stays free), and the text is handed to the FX
 * thread at most a few times a second however often the migration reports. The real path from the unlock to
 * {@code SchemaMigrator} is {@code MigrationProgressTest}; here the profile's unlock is a gateway that reports and then
 * waits, so the screen can be looked at mid-update.
 */
@Tag("ui")
class UnlockMigrationTest {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final CountDownLatch finish = new CountDownLatch(1);

    @AfterEach
    void tearDown() throws Exception {
        finish.countDown();
        worker.shutdownNow();
        if (FxToolkit.isFXApplicationThreadRunning()) {
            FxToolkit.cleanupStages();
        }
    }

    @Test
    void theUnlockScreenShowsTheUpdatesProgressAndStaysResponsive() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        ProfileGateway gateway = new Updating((step, done, total) -> { }, reported, finish);
        UserMessages messages = new UserMessages(ViewLoader.defaultBundle());
        AtomicReference<UnlockViewModel> vm = new AtomicReference<>();
        AtomicReference<Scene> scene = new AtomicReference<>();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            vm.set(new UnlockViewModel("alice", List.of("alice"), gateway,
                    new BackgroundTasks(worker, Platform::runLater), messages));
            Scene s = new Scene(new UnlockView(vm.get(), new Stay(), messages), 720, 520);
            Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
            s.getStylesheets().add(UnlockView.class.getResource("/dev/parley/desktop/ui/common/parley.css")
                    .toExternalForm());
            s.getRoot().getStyleClass().add(Theme.LIGHT.rootStyleClass());
            scene.set(s);
            stage.setScene(s);
            stage.show();
        });
        WaitForAsyncUtils.asyncFx(() -> {
            vm.get().passphraseProperty().set("correct horse battery staple");
            vm.get().unlock();
        }).get(10, TimeUnit.SECONDS);
        assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                "Updating your message history\u2026 45%".equals(migrationLabel(scene.get()).getText())).get());

        // the FX thread answers while the unlock is still running
        long posted = System.nanoTime();
        WaitForAsyncUtils.asyncFx(() -> null).get(5, TimeUnit.SECONDS);
        assertThat(System.nanoTime() - posted).isLessThan(TimeUnit.SECONDS.toNanos(2));
        assertThat(WaitForAsyncUtils.asyncFx(() -> migrationLabel(scene.get()).isVisible()).get()).isTrue();
        String shots = System.getProperty("parley.screenshotDir");
        if (shots != null) {
            WaitForAsyncUtils.asyncFx(() -> SceneSnapshots.write(scene.get(), Path.of(shots, "unlock-migrating.png")))
                    .get(30, TimeUnit.SECONDS);
        }

        finish.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                !vm.get().busyProperty().get()).get());
        assertThat(WaitForAsyncUtils.asyncFx(() -> migrationLabel(scene.get()).isVisible()).get())
                .as("gone once unlocked").isFalse();
    }

    @Test
    void aMigrationReportingThousandsOfTimesPostsAFewTextsEndingAt100() {
        List<Runnable> posted = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        AtomicLong now = new AtomicLong();
        MigrationText text = new MigrationText(new UserMessages(ViewLoader.defaultBundle()), posted::add, shown::add,
                now::get);
        text.update("Updating the database", 0, 0);
        for (int i = 0; i <= 10_000; i++) {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1)); // ten seconds of reports, one a millisecond
            text.update("Updating the search index", i, 10_000);
        }
        posted.forEach(Runnable::run);
        assertThat(posted.size()).as("posts to the FX thread").isBetween(30, 45);
        assertThat(shown.get(0)).isEqualTo("Updating your message history\u2026");
        assertThat(shown.get(shown.size() - 1)).isEqualTo("Updating your message history\u2026 100%");
        List<Integer> percents = shown.stream().skip(1).map(s -> Integer.parseInt(s.replaceAll("\\D", ""))).toList();
        assertThat(percents).isSorted();
    }

    private static Label migrationLabel(Scene scene) {
        return (Label) scene.lookup("#migration");
    }

    /** An unlock that is updating an old history: reports 45%, then waits until the test lets it finish. */
    private record Updating(MigrationProgress unused, CountDownLatch reported, CountDownLatch finish)
            implements ProfileGateway {
        @Override
        public Optional<String> localRelay() {
            return Optional.empty();
        }

        @Override
        public List<String> profiles() {
            return List.of("alice");
        }

        @Override
        public void create(String profile, NewProfile request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void unlock(String profile, char[] passphrase) {
            throw new UnsupportedOperationException("the unlock screen passes its progress");
        }

        @Override
        public void unlock(String profile, char[] passphrase, MigrationProgress progress) throws ServiceException {
            progress.update("Updating the database", 0, 0);
            progress.update("Updating the search index", 45, 100);
            reported.countDown();
            try {
                finish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            progress.update("Updating the search index", 100, 100);
        }

        @Override
        public dev.parley.desktop.service.BackupService.SecretKind backupSecretKind(Path file) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void restore(String profile, Path file, char[] secret, char[] passphrase,
                            dev.parley.desktop.profile.BackupProgress progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void join(String profile, JoinRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancelJoin() {
        }
    }

    /** The unlock screen's navigator; this test stays on the unlock screen. */
    private static final class Stay implements Navigator {
        @Override
        public void showOnboarding(String profile) {
        }

        @Override
        public void showRestore(String profile) {
        }

        @Override
        public void showJoin(String profile) {
        }

        @Override
        public void showUnlock() {
        }

        @Override
        public void showMain() {
        }

        @Override
        public void lock() {
        }
    }
}
