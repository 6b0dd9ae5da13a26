package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.AttachmentService;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.ui.common.EmojiLabels;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.main.AttachmentsViewModel;
import dev.parley.desktop.ui.main.Transfer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #13 attachments in the desktop app, over a real relay with bob as a second real client: a received image shows as
 * a thumbnail and opens in the viewer, a received file as a card whose "Save as" writes the decrypted file; the
 * paperclip previews a file with a caption and sends it (bob receives both); several files dropped at once show in
 * the uploads' three rows, made with the window and reused upload after upload (none added to the scene at the drop),
 * where a waiting one is cancelled and retried; an upload is cancelled and retried (resuming); an unreadable file and
 * a file the relay no longer has give clear sentences.
 */
@DesktopTest(relay = AttachmentsUiTest.SlowChunks.class)
class AttachmentsUiTest {
    /** Attachment chunks at 8 MiB/s per account: the large upload below is still running when Cancel is clicked. */
    static final class SlowChunks implements java.util.function.UnaryOperator<dev.parley.relay.RelayConfig> {
        @Override
        public dev.parley.relay.RelayConfig apply(dev.parley.relay.RelayConfig c) {
            return c.withLimit(dev.parley.relay.limits.RateLimit.ATTACHMENT_CHUNKS_PER_ACCOUNT,
                    new dev.parley.relay.limits.BucketSpec(32, 256));
        }
    }

    private static final String PHOTO_CAPTION = "the view from the top";
    private static final int PHOTO_WIDTH = 2400;
    /**
     * A file named with emoji (party popper, then a cake): drawn as images, never boxes, and too long for its card,
     * so it ends in "…" before its extension (issue #13).
     */
    private static final String EMOJI_FILE = "\uD83C\uDF89 party \uD83C\uDF82 plan for the whole family reunion "
            + "weekend at the lake house with everyone invited, final version 3.txt";

    @TempDir
    Path tmp;

    private DesktopFixture app;
    private ParleyApp bob;
    private byte[] report;
    private final AnsweredFileChoosers choosers = new AnsweredFileChoosers();

    @BeforeEach
    void setUp() throws Exception {
        ProfileSessions sessions = app.sessions;
        bob = app.createWithContact("alice", "bob");
        UiServices alice = sessions.session().services();
        Path photo = tmp.resolve("photo.png");
        // larger than the viewer's box on the test screen: it opens subsampled, 100% shows every pixel
        BufferedImage image = new BufferedImage(PHOTO_WIDTH, PHOTO_WIDTH * 3 / 4, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 110, 200));
        g.fillRect(0, 0, PHOTO_WIDTH, PHOTO_WIDTH * 3 / 4);
        g.setColor(new Color(250, 200, 40));
        g.fillOval(PHOTO_WIDTH * 3 / 10, PHOTO_WIDTH / 5, PHOTO_WIDTH * 2 / 5, PHOTO_WIDTH * 2 / 5);
        g.dispose();
        ImageIO.write(image, "png", photo.toFile());
        report = new byte[150_000];
        new Random(7).nextBytes(report);
        Files.write(tmp.resolve("report.pdf"), report);
        Files.writeString(tmp.resolve("old-notes.txt"), "notes that will expire on the relay");
        bob.attachments().sendFile("alice", photo, PHOTO_CAPTION, AttachmentService.TransferProgress.NONE);
        bob.attachments().sendFile("alice", tmp.resolve("report.pdf"), "", AttachmentService.TransferProgress.NONE);
        bob.attachments().sendFile("alice", tmp.resolve("old-notes.txt"), "", AttachmentService.TransferProgress.NONE);
        Files.writeString(tmp.resolve(EMOJI_FILE), "the party plan");
        Message last = bob.attachments().sendFile("alice", tmp.resolve(EMOJI_FILE), "",
                AttachmentService.TransferProgress.NONE);
        assertThat(UiTestNetwork.await(() -> has(alice, last.messageId().value()), DesktopFixture.TIMEOUT)).isTrue();
        sessions.lock();
    }

    private static boolean has(UiServices alice, String id) {
        try {
            return alice.message(id).isPresent();
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void receiveViewSaveSendCancelRetryAndErrors() throws Exception {
        app.start("alice");
        app.fx(() -> app.shell().useFileChoosers(choosers));
        app.unlock();
        // the list loads in the background after unlock (slow on a loaded machine)
        app.waitUntil(() -> app.robot.lookup("bob").tryQuery().isPresent());
        app.robot.clickOn("bob");

        // the image as a thumbnail (decoded off the UI thread) with its caption; the other files as cards
        app.waitUntil(() -> thumbnails().anyMatch(v -> v.getImage() != null));
        app.waitUntil(() -> labelShowing(PHOTO_CAPTION) && card("report.pdf").isPresent() && card("old-notes.txt").isPresent());
        assertThat(texts(card("report.pdf").orElseThrow())).contains("report.pdf", "150 KB", "Save as...");
        // a card builds its download rows (a progress bar, Cancel, Retry) only once a download or a problem needs
        // them: every node of a chat cell costs CSS work when the chat makes its cells (a photo burst, issue #13)
        java.util.Set<Node> cards = app.robot.lookup(".attachment-card").queryAll();
        assertThat(cards).isNotEmpty().allMatch(c -> c.lookupAll(".progress-bar").isEmpty());
        // a file named with emoji: the card's icon and the emoji in its name are the bundled images (a label's font
        // drew them as boxes); so is the list's preview of it, the paperclip too
        app.waitUntil(() -> card(EMOJI_FILE).isPresent());
        Node emojiCard = card(EMOJI_FILE).orElseThrow();
        assertThat(emojiImages(emojiCard.lookup(".attachment-name"))).isEqualTo(2);
        javafx.scene.control.Label emojiName = (javafx.scene.control.Label) emojiCard.lookup(".attachment-name");
        app.waitUntil(() -> shownLine(emojiName).endsWith("\u2026.txt"));
        assertThat(shownLine(emojiName)).startsWith("\uD83C\uDF89 party \uD83C\uDF82");
        assertThat(emojiName.getAccessibleText()).isEqualTo(EMOJI_FILE);
        Hyperlink emojiSave = link(emojiCard, "Save as...");
        assertThat(emojiSave.getWidth()).as("a long name does not squeeze Save as").isGreaterThanOrEqualTo(
                emojiSave.prefWidth(-1) - 0.5);
        assertThat(((Labeled) emojiCard.lookup(".attachment-icon")).getGraphic()).isInstanceOf(ImageView.class);
        app.waitUntil(() -> app.robot.lookup(".conversation-preview").queryAllAs(Labeled.class).stream()
                .anyMatch(l -> EMOJI_FILE.equals(EmojiLabels.shownText((javafx.scene.control.Label) l).replace(
                        "\uD83D\uDCCE ", "")) && emojiImages(l) == 3));
        app.screenshot("attachment-received");

        // a click on the thumbnail opens the viewer: the image decrypted in memory and decoded for the viewer's size
        // (not its every pixel); 100% decodes them all
        // the photo is the oldest of the four: scrolled up until its thumbnail is wholly in the chat
        for (int turn = 0; turn < 10 && thumbnails().noneMatch(v -> v.getImage() != null && within(v, chatList()));
                turn++) {
            app.fx(() -> wheelUp(chatList().lookup(".virtual-flow"), 200));
        }
        app.robot.clickOn(thumbnails().filter(v -> v.getImage() != null && within(v, chatList())).findFirst()
                .orElseThrow());
        app.waitUntil(() -> app.showing("#viewedImage"));
        ImageView viewed = app.robot.lookup("#viewedImage").query();
        double fittedWidth = viewed.getFitWidth();
        assertThat(viewed.getImage().getWidth()).isLessThan(PHOTO_WIDTH).isBetween(fittedWidth, fittedWidth * 2);
        Window viewer = viewed.getScene().getWindow();
        app.screenshot(viewer.getScene(), "attachment-image-viewer");
        app.robot.clickOn("#actualSize");
        app.waitUntil(() -> viewed.getImage().getWidth() == PHOTO_WIDTH && viewed.getFitWidth() == 0);
        app.fx(viewer::hide);

        // Save as: the decrypted file at the chosen path, byte for byte
        Path saved = tmp.resolve("saved-report.pdf");
        choosers.saveTo(saved);
        app.robot.clickOn(link(card("report.pdf").orElseThrow(), "Save as..."));
        app.waitUntil(() -> Files.exists(saved) && labelShowing("Saved saved-report.pdf"));
        assertThat(Files.readAllBytes(saved)).isEqualTo(report);

        // the paperclip: a preview with a caption, then sent; bob gets the file and the caption
        Path notes = tmp.resolve("plan.txt");
        Files.writeString(notes, "meet at the north entrance");
        choosers.send(notes);
        app.robot.clickOn("#attachButton");
        app.waitUntil(this::previewShowing);
        assertThat(app.robot.lookup("#pendingFileName").queryLabeled().getText()).isEqualTo("plan.txt");
        app.robot.clickOn("#captionField").write("the plan for saturday");
        app.screenshot("attachment-preview");
        app.robot.clickOn("#sendFileButton");
        assertThat(UiTestNetwork.await(() -> bobHas("plan.txt\nthe plan for saturday"), DesktopFixture.TIMEOUT)).isTrue();
        app.waitUntil(() -> card("plan.txt").isPresent() && labelShowing("the plan for saturday"));
        // the list's preview of a file without emoji in its name: its text, the paperclip drawn as an image, never as
        // a glyph the label's font lacks (it showed as a box)
        app.waitUntil(() -> app.robot.lookup(".conversation-preview").queryAllAs(Labeled.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().contains("plan.txt")
                        && !l.getText().contains("\uD83D\uDCCE") && l.getGraphic() instanceof ImageView));

        // several files dropped at once (#13's burst, small): the composer counts them; Send queues them, one
        // uploading at a time, the first three as rows and the others counted; bob gets each as its own message
        List<Path> dropped = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            dropped.add(Files.writeString(tmp.resolve("burst-" + i + ".txt"), "part " + i));
        }
        AttachmentsViewModel chat = app.shell().mainViewModel().orElseThrow().chat().attachments();
        // the uploads' rows are made with the window, already styled (their progress bars have their skins), and
        // hidden: a drop puts no new node into the scene, whose styles the FX thread would look up at the drop
        List<Node> rowsBefore = onFx(() -> List.copyOf(uploadsPanel().getChildrenUnmodifiable()));
        assertThat(rowsBefore).as("three rows and the count").hasSize(4);
        assertThat(onFx(() -> rowsBefore.stream().filter(Node::isVisible).count())).isZero();
        assertThat(onFx(() -> rowsBefore.stream().flatMap(r -> r.lookupAll(".progress-bar").stream())
                .map(b -> ((ProgressBar) b).getSkin()).filter(java.util.Objects::nonNull).count()))
                .isEqualTo(3);
        app.fx(() -> chat.chooseAll(dropped));
        app.waitUntil(this::previewShowing);
        assertThat(app.robot.lookup("#pendingFileName").queryLabeled().getText()).isEqualTo("5 files");
        assertThat(app.robot.lookup("#sendFileButton").queryButton().getText()).isEqualTo("Send files");
        app.screenshot("attachment-several-files");
        AtomicReference<List<Transfer.State>> states = new AtomicReference<>();
        AtomicReference<List<String>> panel = new AtomicReference<>();
        AtomicReference<List<Node>> rowsAtDrop = new AtomicReference<>();
        AtomicReference<String> cancelledRow = new AtomicReference<>();
        AtomicReference<List<Boolean>> waitingBars = new AtomicReference<>();
        app.fx(() -> {
            chat.sendPending();
            // as the next pulse shows it: a reused row's name label is laid out for its new name
            uploadsPanel().getScene().getRoot().layout();
            rowsAtDrop.set(List.copyOf(uploadsPanel().getChildrenUnmodifiable()));
            panel.set(shownTexts());
            waitingBars.set(rowsAtDrop.get().subList(0, 3).stream()
                    .map(r -> r.lookup(".progress-bar").isVisible()).toList());
            app.screenshotNow(uploadsPanel().getScene(), "attachment-upload-waiting");
            // the third row's Cancel (its upload still waits its turn): that upload stops, its row says so
            link(rowsAtDrop.get().get(2), "Cancel").fire();
            states.set(chat.uploads().stream().map(u -> u.stateProperty().get()).toList());
            cancelledRow.set(String.join("|", texts(rowsAtDrop.get().get(2))));
        });
        assertThat(rowsAtDrop.get()).as("the same nodes, none added").containsExactlyElementsOf(rowsBefore);
        assertThat(panel.get()).hasSize(4);
        // the upload under way says it is sending, with its bar; those waiting their turn say so, with no empty bar
        assertThat(panel.get().get(0)).contains("Sending burst-1.txt");
        assertThat(panel.get().get(1)).isEqualTo("Waiting to send burst-2.txt|Cancel");
        assertThat(panel.get().get(2)).isEqualTo("Waiting to send burst-3.txt|Cancel");
        assertThat(waitingBars.get()).containsExactly(true, false, false);
        assertThat(panel.get().get(3)).isEqualTo("2 more files waiting");
        assertThat(states.get()).containsExactly(Transfer.State.RUNNING, Transfer.State.QUEUED,
                Transfer.State.CANCELLED, Transfer.State.QUEUED, Transfer.State.QUEUED);
        assertThat(cancelledRow.get()).isEqualTo("Sending burst-3.txt|Cancelled.|Retry|Dismiss");
        // as uploads finish, the same rows show the next ones: the cancelled one stays (with its Retry) until
        // dismissed or retried
        app.waitUntil(() -> shownTexts().equals(List.of("Sending burst-3.txt|Cancelled.|Retry|Dismiss")));
        assertThat(onFx(() -> List.copyOf(uploadsPanel().getChildrenUnmodifiable())))
                .containsExactlyElementsOf(rowsBefore);
        app.fx(() -> link(rowsBefore.get(0), "Retry").fire());
        for (int i = 1; i <= 5; i++) {
            String name = "burst-" + i + ".txt";
            assertThat(UiTestNetwork.await(() -> bobHas(name), DesktopFixture.TIMEOUT)).as(name).isTrue();
        }
        app.waitUntil(() -> uploadRow().isEmpty() && card("burst-3.txt").isPresent());

        // an unreadable file: a clear sentence, nothing pending
        choosers.send(tmp.resolve("missing.bin"));
        app.robot.clickOn("#attachButton");
        app.waitUntil(() -> labelShowing("This file cannot be read. Check that it exists and that you may open it."));
        assertThat(previewShowing()).isFalse();

        // a large upload: cancelled while it runs, then retried: it resumes and bob gets it whole
        Path big = tmp.resolve("big.bin");
        byte[] bigBytes = new byte[32 << 20];
        new Random(11).nextBytes(bigBytes);
        Files.write(big, bigBytes);
        choosers.send(big);
        app.robot.clickOn("#attachButton");
        app.waitUntil(this::previewShowing);
        app.robot.clickOn("#sendFileButton");
        app.waitUntil(() -> uploadBar().filter(b -> b.getProgress() > 0).isPresent());
        app.robot.clickOn(link(uploadRow().orElseThrow(), "Cancel"));
        app.waitUntil(() -> labelShowing("Cancelled."));
        double cancelledAt = uploadBar().orElseThrow().getProgress();
        assertThat(cancelledAt).isBetween(0.0, 0.99);
        app.screenshot("attachment-upload-cancelled");
        app.robot.clickOn(link(uploadRow().orElseThrow(), "Retry"));
        app.waitUntil(() -> uploadRow().isEmpty() && card("big.bin").isPresent());
        assertThat(UiTestNetwork.await(() -> bobHas("big.bin"), DesktopFixture.TIMEOUT)).isTrue();

        // a file the relay no longer has (swept after its time to live): the card says so
        try (Stream<Path> files = Files.walk(app.net().root.resolve("relay").resolve("attachments"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".bin")).toList()) {
                Files.delete(p);
            }
        }
        choosers.saveTo(tmp.resolve("never.txt"));
        // the card sits near the top of a long chat now: the reader scrolls up to it
        for (int i = 0; i < 40 && card("old-notes.txt").isEmpty(); i++) {
            app.fx(() -> wheelUp(chatList().lookup(".virtual-flow"), 200));
        }
        app.waitUntil(() -> card("old-notes.txt").isPresent());
        app.robot.clickOn(link(card("old-notes.txt").orElseThrow(), "Save as..."));
        app.waitUntil(() -> labelShowing("This file is no longer available on the relay."));
        assertThat(Files.exists(tmp.resolve("never.txt"))).isFalse();
        assertThat(link(card("old-notes.txt").orElseThrow(), "Save as...").isVisible()).isFalse();
        app.screenshot("attachment-expired");
    }

    private boolean bobHas(String body) {
        try {
            return bob.messaging().history("alice", Optional.empty(), 20).messages().stream()
                    .anyMatch(m -> m.body().contains(body));
        } catch (Exception e) {
            return false;
        }
    }

    private Stream<ImageView> thumbnails() {
        return app.robot.lookup(".attachment-thumbnail").queryAll().stream()
                .filter(Node::isVisible)
                .flatMap(n -> n.lookupAll(".image-view").stream())
                .map(ImageView.class::cast);
    }

    /**
     * A card the reader sees whole: a spare cell of the virtual flow may still hold an old card, and a cell at the
     * edge of the chat is partly clipped, so a click on it could land outside the chat.
     */
    private Optional<Node> card(String name) {
        return app.robot.lookup(".attachment-card").queryAll().stream()
                .filter(c -> onScreen(c) && within(c, chatList()))
                .filter(c -> c.lookupAll(".attachment-name").stream()
                        .anyMatch(l -> name.equals(EmojiLabels.shownText((javafx.scene.control.Label) l))))
                .findFirst();
    }

    private static boolean within(Node node, Node area) {
        return area.localToScene(area.getLayoutBounds()).contains(node.localToScene(node.getLayoutBounds()));
    }

    private static boolean onScreen(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible() || at instanceof ListCell<?> cell && cell.isEmpty()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /** A mouse wheel turned up over {@code node}, as a reader scrolls back in a chat. */
    private static void wheelUp(Node node, double pixels) {
        Event.fireEvent(node, new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false, false, false,
                false, 0, pixels, 0, pixels, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
    }

    private ListView<?> chatList() {
        return app.robot.lookup("#chatList").queryAs(ListView.class);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(action).get(DesktopFixture.TIMEOUT.toSeconds(),
                java.util.concurrent.TimeUnit.SECONDS);
    }

    private javafx.scene.Parent uploadsPanel() {
        return (javafx.scene.Parent) app.robot.lookup(".attachment-uploads").query();
    }

    /** The visible lines of the uploads panel, each as its visible texts joined with "|". */
    private List<String> shownTexts() {
        return uploadsPanel().getChildrenUnmodifiable().stream().filter(Node::isVisible)
                .map(n -> n instanceof Labeled l ? l.getText() : String.join("|", texts(n))).toList();
    }

    private Optional<Node> uploadRow() {
        return app.robot.lookup(".attachment-upload").queryAll().stream().filter(Node::isVisible).findFirst();
    }

    private Optional<ProgressBar> uploadBar() {
        return uploadRow().flatMap(r -> r.lookupAll(".progress-bar").stream().findFirst()).map(ProgressBar.class::cast);
    }

    private static Hyperlink link(Node parent, String text) {
        return parent.lookupAll(".hyperlink").stream().map(Hyperlink.class::cast)
                .filter(h -> h.getText().equals(text)).findFirst().orElseThrow();
    }

    /** How many emoji images {@code node} shows. */
    /** What a label with emoji images shows: its text runs and emoji, in order. */
    private static String shownLine(javafx.scene.control.Label label) {
        if (!(label.getGraphic() instanceof javafx.scene.layout.Pane flow)) {
            return label.getText();
        }
        StringBuilder out = new StringBuilder();
        for (Node n : flow.getChildren()) {
            out.append(n instanceof javafx.scene.text.Text t ? t.getText() : n.getAccessibleText());
        }
        return out.toString();
    }

    private static long emojiImages(Node node) {
        return node.lookupAll(".emoji").stream().filter(n -> n instanceof ImageView).count();
    }

    private static java.util.List<String> texts(Node parent) {
        return parent.lookupAll("*").stream().filter(n -> n instanceof Labeled && n.isVisible())
                .map(n -> ((Labeled) n).getText()).toList();
    }

    private boolean previewShowing() {
        return app.robot.lookup(".attachment-preview").queryAll().stream().anyMatch(Node::isVisible);
    }

    private boolean labelShowing(String text) {
        return app.robot.lookup(".label").queryAll().stream()
                .anyMatch(n -> n.isVisible() && n.getScene() != null && text.equals(((Labeled) n).getText()));
    }
}
