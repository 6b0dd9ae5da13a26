package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.ui.common.UiServices;
import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Popup;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * #12 message actions in the desktop app, over a real relay with bob as a second client: the bubble's context menu
 * (right click and Shift+F10), copying a message's text, reacting from the menu and from the emoji picker (search and
 * recent), reactions with counts and who reacted on the bubble, and removing the user's reaction.
 */
@DesktopTest
class MessageMenuTest {
    private static final String HELLO = "hello alice, the climbing wall opens at nine";

    private DesktopFixture app;
    private ParleyApp bob;
    private MessageId hello;
    private final RecordedDesktop desktop = new RecordedDesktop();

    @BeforeEach
    void setUp() throws Exception {
        ProfileSessions sessions = app.sessions;
        bob = app.createWithContact("alice", "bob");
        UiServices alice = sessions.session().services();
        Message sent = bob.messaging().send("alice", HELLO);
        hello = sent.messageId();
        assertThat(UiTestNetwork.await(() -> has(alice, HELLO), DesktopFixture.TIMEOUT)).isTrue();
        sessions.lock();
    }

    @Test
    void contextMenuCopyReactPickerAndRemove() throws Exception {
        app.start("alice");
        app.fx(() -> app.shell().useDesktop(desktop));
        app.unlock();
        app.robot.clickOn("bob");
        app.waitUntil(() -> app.showing(".bubble"));

        // right click: the menu offers React and Copy text; Copy text puts the text on the clipboard
        app.robot.rightClickOn(helloBubble());
        app.waitUntil(() -> menuShowing("Copy text"));
        assertThat(menuTexts()).contains("React", "Copy text");
        app.screenshot(menuWindow().getScene(), "message-menu");
        clickMenu("Copy text");
        app.waitUntil(() -> desktop.copied.contains(HELLO));

        // Select text: the whole text, selected, in a read-only area the user can select parts of and copy from
        app.robot.rightClickOn(helloBubble());
        app.waitUntil(() -> menuShowing("Select text..."));
        clickMenu("Select text...");
        app.waitUntil(() -> app.showing("#selectableText")
                && app.robot.lookup("#selectableText").queryTextInputControl().getSelectedText().equals(HELLO));
        javafx.scene.control.TextInputControl area = app.robot.lookup("#selectableText").queryTextInputControl();
        assertThat(area.isEditable()).isFalse();
        app.fx(() -> area.selectRange(6, 11));
        assertThat(area.getSelectedText()).isEqualTo("alice");
        Window select = Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene().lookup("#selectText") != null).findFirst().orElseThrow();
        app.fx(select::hide);

        // React > thumbs up: bob gets it, the bubble shows "thumbs up 1" as the user's own
        app.robot.rightClickOn(helloBubble());
        app.waitUntil(() -> menuShowing("React"));
        clickMenu("React");
        app.waitUntil(() -> menuShowing("\uD83D\uDC4D"));
        clickMenu("\uD83D\uDC4D");
        assertThat(UiTestNetwork.await(() -> reactionsAtBob().stream()
                .anyMatch(r -> r.reactor().equals("alice") && r.emoji().equals("\uD83D\uDC4D")), DesktopFixture.TIMEOUT))
                .isTrue();
        app.waitUntil(() -> chip("\uD83D\uDC4D 1").filter(c -> c.getPseudoClassStates().contains(MINE)).isPresent());

        // bob reacts too: a second chip, its tooltip says who
        bob.messaging().react(hello, "\u2764", false);
        app.waitUntil(() -> chip("\u2764 1").isPresent());
        assertThat(tooltipOn(chip("\u2764 1").orElseThrow())).isEqualTo("\u2764 bob");
        assertThat(chip("\u2764 1").orElseThrow().getPseudoClassStates()).doesNotContain(MINE);
        assertThat(tooltipOn(chip("\uD83D\uDC4D 1").orElseThrow())).isEqualTo("\uD83D\uDC4D You");
        app.screenshot("message-reactions");

        // clicking the own chip lists who reacted; the user's entry removes the reaction, at bob too
        app.robot.clickOn(chip("\uD83D\uDC4D 1").orElseThrow());
        app.waitUntil(() -> menuShowing("\uD83D\uDC4D  You (click to remove)"));
        clickMenu("\uD83D\uDC4D  You (click to remove)");
        app.waitUntil(() -> chip("\uD83D\uDC4D 1").isEmpty());
        assertThat(UiTestNetwork.await(() -> reactionsAtBob().stream().noneMatch(r -> r.reactor().equals("alice")),
                DesktopFixture.TIMEOUT)).isTrue();
        assertThat(chip("\u2764 1")).isPresent();

        // the keyboard: a selected message's menu opens with Shift+F10
        app.robot.clickOn(helloBubble());
        app.robot.press(KeyCode.SHIFT).type(KeyCode.F10).release(KeyCode.SHIFT);
        app.waitUntil(() -> menuShowing("Copy text"));
        app.robot.type(KeyCode.ESCAPE);
        app.waitUntil(() -> !menuShowing("Copy text"));

        // the picker: search by name, choose; the choice is then among the recent ones
        app.robot.rightClickOn(helloBubble());
        app.waitUntil(() -> menuShowing("React"));
        clickMenu("React");
        app.waitUntil(() -> menuShowing("More emoji..."));
        clickMenu("More emoji...");
        app.waitUntil(() -> app.showing("#emojiSearch"));
        assertThat(recentButtons()).as("the reaction from the menu is recent").containsExactly("\uD83D\uDC4D");
        app.robot.clickOn("#emojiSearch").write("rocket");
        app.waitUntil(() -> pickerButtons().size() == 1);
        assertThat(pickerButtons().get(0).getText()).isEqualTo("\uD83D\uDE80");
        app.screenshot(pickerWindow().getScene(), "emoji-picker-search");
        app.robot.clickOn(pickerButtons().get(0));
        app.waitUntil(() -> chip("\uD83D\uDE80 1").isPresent());
        assertThat(UiTestNetwork.await(() -> reactionsAtBob().stream()
                .anyMatch(r -> r.reactor().equals("alice") && r.emoji().equals("\uD83D\uDE80")), DesktopFixture.TIMEOUT))
                .isTrue();
        app.robot.rightClickOn(helloBubble());
        app.waitUntil(() -> menuShowing("React"));
        clickMenu("React");
        app.waitUntil(() -> menuShowing("More emoji..."));
        clickMenu("More emoji...");
        app.waitUntil(() -> recentButtons().equals(List.of("\uD83D\uDE80", "\uD83D\uDC4D")) && pickerButtons().size() > 50);
        app.screenshot(pickerWindow().getScene(), "emoji-picker-recent");
        app.robot.type(KeyCode.ESCAPE);
        app.waitUntil(() -> !app.showing("#emojiSearch"));
    }

    @Test
    void linksOpenInTheBrowserOnlyAfterConfirmingTheFullUrl() throws Exception {
        String url = "https://example.org/routes?wall=north&grade=6a";
        bob.messaging().send("alice", "the route map: " + url + ". Bring chalk");
        app.start("alice");
        app.fx(() -> app.shell().useDesktop(desktop));
        app.unlock();
        app.robot.clickOn("bob");
        app.waitUntil(() -> link(url).isPresent());
        app.screenshot("message-link");

        app.robot.clickOn(link(url).orElseThrow());
        app.waitUntil(() -> app.showing("#linkConfirmation"));
        assertThat(app.robot.lookup("#linkUrl").queryAs(javafx.scene.control.Label.class).getText()).isEqualTo(url);
        Window dialog = Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene().lookup("#linkConfirmation") != null).findFirst().orElseThrow();
        app.screenshot(dialog.getScene(), "message-link-confirmation");
        clickButton(dialog, "Cancel");
        app.waitUntil(() -> !app.showing("#linkConfirmation"));
        assertThat(desktop.opened).isEmpty();

        app.robot.clickOn(link(url).orElseThrow());
        app.waitUntil(() -> app.showing("#linkConfirmation"));
        clickButton(linkDialog(), "Open in browser");
        app.waitUntil(() -> !app.showing("#linkConfirmation"));
        assertThat(desktop.opened).containsExactly(url);
    }

    private Optional<javafx.scene.control.Hyperlink> link(String url) {
        return app.robot.lookup(".message-link").queryAllAs(javafx.scene.control.Hyperlink.class).stream()
                .filter(l -> l.getText().equals(url) && l.getScene() != null && l.isVisible()
                        && l.getParent().isVisible()).findFirst();
    }

    @Test
    void repliesQuoteJumpToTheOriginalAndSayWhenItIsMissing() throws Exception {
        app.start("alice");
        app.unlock();
        app.robot.clickOn("bob");
        app.waitUntil(() -> bubble(HELLO).isPresent());

        // Reply from the menu: the bar says to whom, the reply carries the quote, bob gets it as a reply
        app.robot.rightClickOn(helloBubble());
        app.waitUntil(() -> menuShowing("Reply"));
        clickMenu("Reply");
        app.waitUntil(() -> app.showing("#replyBar"));
        assertThat(app.robot.lookup("#replyText").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("Replying to bob: " + HELLO);
        app.robot.write("count me in");
        app.robot.type(KeyCode.ENTER);
        app.waitUntil(() -> bubble("count me in").isPresent() && !app.showing("#replyBar"));
        assertThat(quoteOf("count me in")).containsExactly("bob", HELLO);
        assertThat(UiTestNetwork.await(() -> bobHistory().stream().anyMatch(m -> m.body().equals("count me in")
                && m.replyTo().map(q -> q.target().equals(hello)).orElse(false)), DesktopFixture.TIMEOUT)).isTrue();
        Message aliceReply = bobHistory().stream().filter(m -> m.body().equals("count me in")).findFirst().orElseThrow();

        // bob replies to alice's reply: the quote names her as "You"
        bob.actions().reply(aliceReply.messageId(), "great, bring the rope");
        app.waitUntil(() -> bubble("great, bring the rope").isPresent());
        assertThat(quoteOf("great, bring the rope")).containsExactly("You", "count me in");

        // a click on a quote jumps to the original and highlights it
        clickQuoteOf("count me in");
        app.waitUntil(() -> app.shell().mainViewModel().orElseThrow().chat().highlightedProperty().get()
                .equals(hello.value()));
        app.screenshot("message-replies");

        // a reply to a message this history does not have: "Original message not found", also when clicked
        app.robot.rightClickOn(helloBubble());
        app.waitUntil(() -> menuShowing("Delete for me"));
        clickMenu("Delete for me");
        app.waitUntil(() -> bubble(HELLO).isEmpty());
        // the reply that quoted it no longer shows its text: deleted here, erased from the store with it
        app.waitUntil(() -> {
            try {
                return quoteOf("count me in").equals(List.of("bob", "This message was deleted"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        bob.actions().reply(hello, "did you see the opening hours?");
        app.waitUntil(() -> bubble("did you see the opening hours?").isPresent());
        assertThat(quoteOf("did you see the opening hours?")).containsExactly("Original message not found");
        app.screenshot("message-deleted-for-me");
        clickQuoteOf("did you see the opening hours?");
        app.waitUntil(() -> app.showing("#chatError")
                && app.robot.lookup("#chatError").queryAs(javafx.scene.control.Label.class).getText()
                        .equals("Original message not found"));
    }

    /** The visible texts of the quote on the bubble showing {@code text}. */
    private List<String> quoteOf(String text) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            Node quote = bubble(text).orElseThrow().getParent().lookup(".quote");
            return ((javafx.scene.layout.VBox) quote).getChildren().stream().filter(Node::isVisible)
                    .map(n -> ((Labeled) n).getText()).toList();
        }).get();
    }

    private void clickQuoteOf(String text) throws Exception {
        Node quote = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> bubble(text).orElseThrow().getParent()
                .lookup(".quote")).get();
        app.robot.clickOn(quote);
    }

    @Test
    void deletingAConversationAfterConfirmingRemovesItsHistory() throws Exception {
        app.start("alice");
        app.unlock();
        app.waitUntil(() -> app.robot.lookup(".conversation-cell").queryAll().stream().anyMatch(Node::isVisible));
        app.robot.clickOn("bob");
        app.waitUntil(() -> bubble(HELLO).isPresent());

        app.robot.rightClickOn(".conversation-cell");
        app.waitUntil(() -> menuShowing("Delete conversation"));
        clickMenu("Delete conversation");
        app.waitUntil(() -> app.showing("#deleteConversation"));
        Window confirm = Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene().lookup("#deleteConversation") != null).findFirst().orElseThrow();
        app.screenshot(confirm.getScene(), "conversation-delete-confirmation");
        clickButton(confirm, "Cancel");
        app.waitUntil(() -> !app.showing("#deleteConversation"));
        assertThat(conversations()).isEqualTo(1);

        app.robot.rightClickOn(".conversation-cell");
        app.waitUntil(() -> menuShowing("Delete conversation"));
        clickMenu("Delete conversation");
        app.waitUntil(() -> app.showing("#deleteConversation"));
        clickButton(Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene().lookup("#deleteConversation") != null).findFirst().orElseThrow(),
                "Delete");
        app.waitUntil(() -> conversations() == 0 && !app.showing(".bubble"));
        UiServices alice = app.sessions.session().services();
        assertThat(alice.contacts()).isEmpty();
        assertThat(alice.search("climbing", 10)).as("the messages are gone, not only hidden").isEmpty();
    }

    /** Clicks the button labelled {@code text} in {@code window} (the main window has hidden "Cancel" links too). */
    private void clickButton(Window window, String text) {
        Button button = window.getScene().getRoot().lookupAll(".button").stream()
                .filter(n -> n instanceof Button && text.equals(((Button) n).getText())).map(n -> (Button) n)
                .findFirst().orElseThrow();
        app.robot.clickOn(button);
    }

    private Window linkDialog() {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene().lookup("#linkConfirmation") != null).findFirst().orElseThrow();
    }

    private int conversations() {
        return app.robot.lookup("#conversationList").queryListView().getItems().size();
    }

    @Test
    void editEditHistoryAndDeletes() throws Exception {
        app.start("alice");
        app.unlock();
        app.robot.clickOn("bob");
        app.waitUntil(() -> bubble(HELLO).isPresent());
        app.robot.clickOn("#composer").write("see you at nine");
        app.robot.type(KeyCode.ENTER);
        app.waitUntil(() -> bubble("see you at nine").isPresent());
        assertThat(UiTestNetwork.await(() -> bobHistory().stream().anyMatch(m -> m.body().equals("see you at nine")),
                DesktopFixture.TIMEOUT)).isTrue();
        app.waitUntil(() -> !app.robot.lookup(".tick").queryAllAs(javafx.scene.control.Label.class).stream()
                .filter(t -> t.isVisible() && t.getScene() != null).map(javafx.scene.control.Label::getText)
                .filter(t -> t.startsWith("\u2713")).toList().isEmpty());

        // someone else's message: no Edit, no Delete for everyone
        app.robot.rightClickOn(helloBubble());
        app.waitUntil(() -> menuShowing("Delete for me"));
        assertThat(menuTexts()).doesNotContain("Edit", "Delete for everyone", "Edit history");
        app.robot.type(KeyCode.ESCAPE);
        app.waitUntil(() -> !menuShowing("Delete for me"));

        // edit the own message in the composer: the bubble and bob's copy change, the bubble says "edited"
        app.robot.rightClickOn(bubble("see you at nine").orElseThrow());
        app.waitUntil(() -> menuShowing("Edit"));
        assertThat(menuTexts()).contains("React", "Copy text", "Edit", "Delete for me", "Delete for everyone");
        clickMenu("Edit");
        app.waitUntil(() -> app.showing("#editBar"));
        assertThat(app.robot.lookup("#composer").queryTextInputControl().getText()).isEqualTo("see you at nine");
        app.screenshot("message-editing");
        app.robot.eraseText(4).write("ten");
        app.robot.type(KeyCode.ENTER);
        app.waitUntil(() -> bubble("see you at ten").isPresent() && editedLabel("see you at ten"));
        app.waitUntil(() -> app.shell().mainViewModel().orElseThrow().conversations().allItems().get(0).preview()
                .equals("You: see you at ten"));
        assertThat(app.showing("#editBar")).isFalse();
        assertThat(bubble("see you at nine")).isEmpty();
        assertThat(UiTestNetwork.await(() -> bobHistory().stream()
                .anyMatch(m -> m.body().equals("see you at ten") && m.edited()), DesktopFixture.TIMEOUT)).isTrue();

        // bob edits his message: it changes here, and its edit history lists both texts
        bob.actions().edit(hello, "hello alice, the climbing wall opens at ten");
        app.waitUntil(() -> editedLabel("hello alice, the climbing wall opens at ten"));
        app.robot.rightClickOn(bubble("hello alice, the climbing wall opens at ten").orElseThrow());
        app.waitUntil(() -> menuShowing("Edit history"));
        clickMenu("Edit history");
        app.waitUntil(() -> app.showing("#editHistory"));
        List<String> versions = app.robot.lookup(".edit-history-text").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList();
        assertThat(versions).containsExactly(HELLO, "hello alice, the climbing wall opens at ten");
        Window history = Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene().lookup("#editHistory") != null).findFirst().orElseThrow();
        app.screenshot(history.getScene(), "message-edit-history");
        app.fx(history::hide);

        // delete for everyone: a tombstone here, the text gone at bob
        app.robot.rightClickOn(bubble("see you at ten").orElseThrow());
        app.waitUntil(() -> menuShowing("Delete for everyone"));
        clickMenu("Delete for everyone");
        app.waitUntil(() -> bubble("This message was deleted").isPresent());
        assertThat(bubble("see you at ten")).isEmpty();
        assertThat(UiTestNetwork.await(() -> bobHistory().stream()
                .anyMatch(m -> m.deleted() && m.body().isEmpty()), DesktopFixture.TIMEOUT)).isTrue();
        assertThat(bobHistory()).noneMatch(m -> m.body().contains("see you at"));
        app.waitUntil(() -> app.shell().mainViewModel().orElseThrow().conversations().allItems().get(0).preview()
                .equals("You: This message was deleted"));
        app.screenshot("message-deleted-and-edited");

        // a tombstone offers only Delete for me; delete for me removes bob's message from this device only
        app.robot.rightClickOn(bubble("This message was deleted").orElseThrow());
        app.waitUntil(() -> menuShowing("Delete for me"));
        assertThat(menuTexts()).containsExactly("Delete for me");
        app.robot.type(KeyCode.ESCAPE);
        app.waitUntil(() -> !menuShowing("Delete for me"));
        app.robot.rightClickOn(bubble("hello alice, the climbing wall opens at ten").orElseThrow());
        app.waitUntil(() -> menuShowing("Delete for me"));
        clickMenu("Delete for me");
        app.waitUntil(() -> bubble("hello alice, the climbing wall opens at ten").isEmpty());
        assertThat(bobHistory()).anyMatch(m -> m.body().equals("hello alice, the climbing wall opens at ten"));
    }

    private static final PseudoClass MINE = PseudoClass.getPseudoClass("mine");

    private Node helloBubble() {
        return bubble(HELLO).orElseThrow();
    }

    private Optional<Labeled> bubble(String text) {
        return app.robot.lookup(".bubble-text").queryAllAs(Labeled.class).stream()
                .filter(l -> text.equals(l.getText()) && l.getScene() != null && l.isVisible()
                        && l.getParent().getParent().getParent() instanceof javafx.scene.control.ListCell
                        && !((javafx.scene.control.ListCell<?>) l.getParent().getParent().getParent()).isEmpty())
                .findFirst();
    }

    /** Whether the bubble showing {@code text} carries the "edited" label. */
    private boolean editedLabel(String text) {
        return bubble(text).map(l -> l.getParent().lookup(".edited-label")).filter(Node::isVisible).isPresent();
    }

    private List<Message> bobHistory() {
        try {
            return bob.messaging().history("alice", Optional.empty(), 10).messages();
        } catch (Exception e) {
            return List.of();
        }
    }

    /** The pointer goes over {@code node}; then its tooltip's text (tooltips are made on the first hover). */
    private String tooltipOn(javafx.scene.control.Control node) throws Exception {
        app.robot.moveTo(node);
        app.waitUntil(() -> node.getTooltip() != null);
        return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> node.getTooltip().getText()).get();
    }

    private Optional<Button> chip(String text) {
        return app.robot.lookup(".reaction-chip").queryAllAs(Button.class).stream()
                .filter(b -> text.equals(b.getAccessibleText()) && b.getScene() != null && b.getParent().isVisible())
                .findFirst();
    }

    /** Clicks the showing menu item labelled {@code text} (hidden menus keep their stale item nodes). */
    private void clickMenu(String text) throws Exception {
        javafx.geometry.Point2D at = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            Labeled label = app.robot.lookup(".menu-item .label").queryAllAs(Labeled.class).stream()
                    .filter(l -> text.equals(l.getText()) && l.getScene() != null && l.getScene().getWindow() != null
                            && l.getScene().getWindow().isShowing()).findFirst().orElseThrow();
            javafx.geometry.Bounds b = label.localToScreen(label.getBoundsInLocal());
            return new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY());
        }).get();
        // across first, then down: a diagonal move would pass over the parent menu's other items and close a submenu
        app.robot.moveTo(new javafx.geometry.Point2D(at.getX(), app.robot.robotContext().getBaseRobot().retrieveMouse().getY()));
        app.robot.clickOn(at);
    }

    private boolean menuShowing(String text) {
        return menuTexts().contains(text);
    }

    private List<String> menuTexts() {
        return app.robot.lookup(".menu-item .label").queryAllAs(Labeled.class).stream()
                .filter(l -> l.getScene() != null && l.getScene().getWindow() != null && l.getScene().getWindow().isShowing())
                .map(Labeled::getText).toList();
    }

    private Window menuWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing()).findFirst().orElseThrow();
    }

    private Window pickerWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Popup && w.isShowing()).findFirst().orElseThrow();
    }

    private List<Button> pickerButtons() {
        return app.robot.lookup(".emoji-button").queryAllAs(Button.class).stream()
                .filter(b -> b.getScene() != null && b.getScene().getWindow().isShowing() && isInResults(b))
                .toList();
    }

    private List<String> recentButtons() {
        return app.robot.lookup(".emoji-button").queryAllAs(Button.class).stream()
                .filter(b -> b.getScene() != null && b.getScene().getWindow().isShowing() && b.getParent().isVisible()
                        && !isInResults(b))
                .map(Button::getText).toList();
    }

    /** The picker's search results (the grid in the scroll pane), not the recent row. */
    private static boolean isInResults(Button b) {
        for (Node n = b.getParent(); n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("emoji-scroll")) {
                return true;
            }
        }
        return false;
    }

    private List<Reaction> reactionsAtBob() {
        try {
            return bob.messaging().reactions(hello);
        } catch (Exception e) {
            return List.of();
        }
    }

    private static boolean has(UiServices alice, String text) {
        try {
            return alice.history("bob", 5, java.util.OptionalLong.empty()).newestFirst().stream()
                    .anyMatch(m -> m.text().equals(text));
        } catch (Exception e) {
            return false;
        }
    }
}
