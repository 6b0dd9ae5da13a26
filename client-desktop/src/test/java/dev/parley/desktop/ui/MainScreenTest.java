package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.ui.common.Icons;
import dev.parley.desktop.ui.common.UiServices;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * #18 items 4-7 and 10 on the main screen, over a real relay: the conversation filter (names and message text, and
 * "No conversations match"), the "new messages" marker going when the user replies, read ticks that differ from
 * delivered ones by shape, the shield that differs for a verified contact and a verification that can be cleared,
 * search as you type with the match centred and highlighted, and Escape closing the search and the dialogs.
 */
@DesktopTest
class MainScreenTest {
    private static final String LONG = "Were you at the market this morning? There were so many stalls, flowers "
            + "and cheese and bread everywhere, and in the far corner a man selling tickets for the zeppelin "
            + "museum, half price on sundays";

    private UiTestNetwork net;
    private ProfileSessions sessions;
    private DesktopFixture app;
    private ParleyApp bob;
    private final List<Message> bobReceived = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        bob = net.otherClient("bob");
        bob.events().subscribe(MessageReceivedEvent.class, e -> bobReceived.add(e.message()));
        net.createProfile(sessions, "alice");
        UiServices alice = sessions.session().services();
        alice.addContact("bob");
        bob.contacts().add("alice");
        bob.messaging().send("alice", "hello alice");
        bob.messaging().send("alice", LONG);
        assertThat(UiTestNetwork.await(() -> newest(alice).equals(LONG), DesktopFixture.TIMEOUT)).isTrue();
        sessions.lock();
    }

    @Test
    void filterMarkerTicksShieldSearchAndEscape() throws Exception {
        app.start("alice");
        app.unlock();
        app.waitUntil(() -> app.robot.lookup(".conversation-cell").queryAll().stream().anyMatch(Node::isVisible));

        // the chat made its cells before any conversation was opened (issues #12, #13), and none of the made-up
        // rows it laid out for that stays in the window; the conversation opened later shows in those cells
        javafx.scene.control.ListView<?> chatList = app.robot.lookup("#chatList").queryListView();
        app.waitUntil(() -> dev.parley.desktop.ui.main.ChatWarmUp.done(chatList));
        java.util.Set<Node> warmCells = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> java.util.Set.copyOf(
                chatList.lookupAll(".list-cell"))).get();
        assertThat(warmCells).as("cells made before a conversation opened").hasSizeGreaterThan(10);
        assertThat(org.testfx.util.WaitForAsyncUtils.asyncFx(() -> chatList.getItems().isEmpty()).get()).isTrue();
        assertThat(app.robot.lookup(".bubble").queryAll()).as("no made-up bubble in the window").isEmpty();
        assertThat(app.robot.lookup(".day-divider").queryAll()).isEmpty();

        // item 10: the filter matches the newest message's text, and says when nothing matches
        app.robot.clickOn("#filter").write("SUNDAYS");
        app.waitUntil(() -> conversationCount() == 1);
        assertThat(app.showing("#noConversations")).isFalse();
        app.robot.eraseText(7).write("nothing like it");
        app.waitUntil(() -> conversationCount() == 0);
        assertThat(app.showing("#noConversations")).isTrue();
        assertThat(label("#noConversations").getText()).isEqualTo("No conversations match \u201cnothing like it\u201d.");
        app.screenshot("filter-no-match");
        app.robot.eraseText(15);
        app.waitUntil(() -> conversationCount() == 1);

        // item 6: the "2 new messages" marker shows when the chat opens and goes when alice replies
        app.robot.clickOn(".conversation-cell");
        app.waitUntil(() -> app.showing(".unread-marker"));
        assertThat(org.testfx.util.WaitForAsyncUtils.asyncFx(() -> java.util.Set.copyOf(chatList.lookupAll(".list-cell")))
                .get()).as("the first page shows in the cells made before").isSubsetOf(warmCells);
        assertThat(app.robot.lookup(".bubble-text").queryAllAs(Label.class).stream().filter(l -> l.getScene() != null)
                .map(Label::getText)).as("only the conversation's messages").containsExactlyInAnyOrder("hello alice", LONG);
        app.robot.clickOn("#composer").write("yes, I saw the zeppelin man");
        app.robot.type(KeyCode.ENTER);
        app.waitUntil(() -> app.robot.lookup(".bubble.outgoing").queryAll().size() == 1);
        app.waitUntil(() -> !app.showing(".unread-marker"));

        // item 7: read ticks are filled, delivered ones are not; the tooltip says which
        assertThat(UiTestNetwork.await(() -> !bobReceived.isEmpty(), DesktopFixture.TIMEOUT)).isTrue();
        app.waitUntil(() -> visibleTick().map(Label::getText).orElse("").equals("\u2713\u2713"));
        Label delivered = visibleTick().orElseThrow();
        assertThat(filled(delivered)).as("delivered").isFalse();
        assertThat(tooltipOn(delivered)).isEqualTo("Delivered");
        bob.messaging().markRead("alice", new MessageCursor(bobReceived.get(0).cursor().sequence()));
        app.waitUntil(() -> visibleTick().filter(t -> t.getStyleClass().contains("read")).isPresent());
        Label read = visibleTick().orElseThrow();
        assertThat(filled(read)).as("read ticks are filled").isTrue();
        assertThat(tooltipOn(read)).isEqualTo("Read");
        app.screenshot("chat-read-ticks");

        // item 4: an empty shield until verified, a solid one after; the verification can be cleared
        assertThat(shieldPath()).isEqualTo(Icons.SHIELD_OUTLINE.path());
        app.robot.clickOn("#safetyButton");
        app.waitUntil(() -> app.showing("#verifyButton"));
        app.robot.clickOn("#verifyButton");
        app.waitUntil(() -> app.showing("#clearButton"));
        app.waitUntil(() -> shieldPath().equals(Icons.SHIELD.path()));
        app.screenshot(app.shell().openDialogs().get(0).getScene(), "safety-number-verified");
        app.screenshot("chat-verified");
        app.robot.clickOn("#clearButton");
        app.waitUntil(() -> app.showing("#verifyButton"));
        app.waitUntil(() -> shieldPath().equals(Icons.SHIELD_OUTLINE.path()));
        app.robot.type(KeyCode.ESCAPE);
        app.waitUntil(() -> app.shell().openDialogs().isEmpty());

        // item 5: search as you type (no Enter), the match centred and highlighted; Escape closes the search
        app.robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        app.waitUntil(() -> app.showing("#searchPanel"));
        app.robot.write("tickets");
        app.waitUntil(() -> app.robot.lookup(".search-hit").queryAllAs(Text.class).stream()
                .anyMatch(t -> t.getText().equals("tickets") && t.getScene() != null));
        Text hit = app.robot.lookup(".search-hit").queryAllAs(Text.class).stream()
                .filter(t -> t.getText().equals("tickets")).findFirst().orElseThrow();
        String before = ((Text) hit.getParent().getChildrenUnmodifiable().get(0)).getText();
        assertThat(before).as("the snippet starts near the match, not at the message's start")
                .startsWith("\u2026").doesNotContain("market");
        app.screenshot("search-as-you-type");
        app.robot.type(KeyCode.ESCAPE);
        app.waitUntil(() -> !app.showing("#searchPanel"));
        assertThat(app.shell().mainViewModel().orElseThrow().search().openProperty().get()).isFalse();
    }

    private static String newest(UiServices alice) {
        try {
            return alice.history("bob", 1, java.util.OptionalLong.empty()).newestFirst().stream().findFirst()
                    .map(m -> m.text()).orElse("");
        } catch (Exception e) {
            return "";
        }
    }

    /** The pointer goes over {@code node}; then its tooltip's text (a tick's tooltip is made on the first hover). */
    private String tooltipOn(javafx.scene.control.Control node) throws Exception {
        app.robot.moveTo(node);
        app.waitUntil(() -> node.getTooltip() != null);
        return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> node.getTooltip().getText()).get();
    }

    private int conversationCount() {
        return app.robot.lookup("#conversationList").queryListView().getItems().size();
    }

    private Label label(String query) {
        return app.robot.lookup(query).queryAs(Label.class);
    }

    private Optional<Label> visibleTick() {
        return app.robot.lookup(".tick").queryAllAs(Label.class).stream()
                .filter(t -> t.isVisible() && t.getScene() != null && !t.getText().isEmpty()
                        && t.getParent().getParent().isVisible())
                .filter(t -> t.getParent().getParent().getParent().getParent() instanceof javafx.scene.control.ListCell
                        && !((javafx.scene.control.ListCell<?>) t.getParent().getParent().getParent().getParent()).isEmpty())
                .findFirst();
    }

    private static boolean filled(Label tick) {
        return tick.getBackground() != null && !tick.getBackground().getFills().isEmpty();
    }

    private String shieldPath() {
        Button shield = app.robot.lookup("#safetyButton").queryButton();
        return ((SVGPath) shield.getGraphic()).getContent();
    }
}
