package dev.parley.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.AttachmentService;
import dev.parley.desktop.ui.ProfileSessions;
import dev.parley.desktop.ui.UiTestNetwork;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A chat cell reuses its file card for message after message (issue #13): the card follows only the download of the
 * message it shows now, and once it shows another message, or nothing, no listener of it stays on the old download
 * or on the view model's downloads, so neither keeps it alive. Real profiles over a real relay: bob sends alice two
 * files; alice's card shows them over her real services.
 */
@Tag("ui")
class AttachmentCardListenersTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final UserMessages messages = new UserMessages(ViewLoader.defaultBundle());

    @TempDir
    Path tmp;
    private UiTestNetwork net;
    private ProfileSessions sessions;
    private UiServices alice;
    private MessageView fileA;
    private MessageView fileB;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void twoFilesFromBob() throws Exception {
        net = new UiTestNetwork(tmp);
        sessions = net.desktopSessions();
        alice = net.createProfile(sessions, "alice");
        ParleyApp bob = net.otherClient("bob");
        alice.addContact("bob");
        bob.contacts().add("alice");
        fileA = received(bob, "a.pdf");
        fileB = received(bob, "b.pdf");
    }

    @AfterEach
    void close() {
        sessions.close();
        net.close();
    }

    @Test
    void aReusedCardFollowsOnlyTheDownloadItShowsAndKeepsNoListenerOnIt() throws Exception {
        Transfer downloadA = runningDownload("a.pdf");
        WeakReference<AttachmentCard> reused = reusedForAnotherMessage(downloadA);
        WeakReference<AttachmentCard> ended = showingAnEndedDownload(downloadA);
        // only the download is kept (as a retry or a lingering task would keep it): it must not keep the cards
        assertThat(collected(reused)).as("the card reused for B is not reachable from A's download").isTrue();
        assertThat(collected(ended)).as("a card whose download ended is not reachable from it").isTrue();
    }

    @Test
    void aCardShowingNothingIsNotKeptByTheDownloads() throws Exception {
        AttachmentsViewModel files = viewModel();
        Transfer downloadA = runningDownload("a.pdf");
        fx(() -> files.downloads().put(fileA.id(), downloadA));
        WeakReference<AttachmentCard> card = fx(() -> {
            AttachmentCard c = new AttachmentCard(files, messages, m -> { }, m -> { });
            c.show(fileA);
            c.show(fileB);
            c.clear(); // its cell shows a text, or nothing
            return new WeakReference<>(c);
        });
        // the view model (its downloads) lives on with the chat, and so does A's download
        assertThat(collected(card)).as("a card showing nothing is not reachable from the downloads").isTrue();
        assertThat(files.downloads()).containsKey(fileA.id());
        assertThat(downloadA.stateProperty().get()).isEqualTo(Transfer.State.RUNNING);
    }

    /** A card shows A's running download (the row shown again as it changes), then is reused for B. */
    private WeakReference<AttachmentCard> reusedForAnotherMessage(Transfer downloadA) throws Exception {
        AttachmentCard card = showingA(viewModel(), downloadA);
        fx(() -> {
            card.show(fileA);
            card.show(fileA);
        });
        assertThat(fx(() -> shownTexts(card))).contains("a.pdf", "Cancel");

        fx(() -> card.show(fileB));
        fx(() -> downloadA.failed("the relay could not be reached", false));
        assertThat(fx(() -> shownTexts(card))).as("B's card shows nothing of A's download")
                .contains("b.pdf").doesNotContain("Cancel", "Retry", "the relay could not be reached");
        fx(() -> downloadA.started());
        assertThat(fx(() -> shownTexts(card))).doesNotContain("Cancel", "Retry");
        return new WeakReference<>(card);
    }

    /** A card shows A's download until it ends (it leaves the downloads) and goes on showing A. */
    private WeakReference<AttachmentCard> showingAnEndedDownload(Transfer downloadA) throws Exception {
        AttachmentsViewModel files = viewModel();
        AttachmentCard card = showingA(files, downloadA);
        assertThat(fx(() -> shownTexts(card))).contains("Cancel");
        fx(() -> files.downloads().remove(fileA.id()));
        assertThat(fx(() -> shownTexts(card))).contains("a.pdf").doesNotContain("Cancel", "Retry");
        fx(() -> downloadA.failed("the relay could not be reached", false));
        assertThat(fx(() -> shownTexts(card))).doesNotContain("Retry", "the relay could not be reached");
        return new WeakReference<>(card);
    }

    /** A new card showing A, whose download is under way. */
    private AttachmentCard showingA(AttachmentsViewModel files, Transfer downloadA) throws Exception {
        return fx(() -> {
            AttachmentCard card = new AttachmentCard(files, messages, m -> { }, m -> { });
            files.downloads().put(fileA.id(), downloadA);
            card.show(fileA);
            return card;
        });
    }

    /** A download as "Save as" starts it. */
    private static Transfer runningDownload(String name) {
        Transfer download = new Transfer(name, Runnable::run);
        download.started();
        return download;
    }

    private AttachmentsViewModel viewModel() {
        return new AttachmentsViewModel(alice, BackgroundTasks.synchronous(), messages, () -> null, m -> { },
                (id, change) -> { });
    }

    private MessageView received(ParleyApp bob, String name) throws Exception {
        Path file = Files.writeString(tmp.resolve(name), "the contents of " + name);
        String id = bob.attachments().sendFile("alice", file, "", AttachmentService.TransferProgress.NONE)
                .messageId().value();
        assertThat(UiTestNetwork.await(() -> stored(id).isPresent(), TIMEOUT)).as(name).isTrue();
        return alice.withAttachment(stored(id).orElseThrow());
    }

    private Optional<MessageView> stored(String id) {
        try {
            return alice.message(id);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Whether {@code ref}'s card was garbage collected once nothing but the test's other objects held it. */
    private static boolean collected(WeakReference<?> ref) throws InterruptedException {
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return ref.get() == null;
    }

    /** The texts of the card's visible labels and links (inside visible rows). */
    private static List<String> shownTexts(Node card) {
        return card.lookupAll("*").stream().filter(n -> n instanceof Labeled && visibleIn(n, card))
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null && !t.isEmpty()).toList();
    }

    private static boolean visibleIn(Node node, Node card) {
        for (Node at = node; at != null && at != card.getParent(); at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
