package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.ui.common.UiServices;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * #12 in the desktop window: the disappearing-messages picker in the chat header sets the timer (bob gets it) and its
 * system line shows as a centred row, not a bubble; the conversation menu mutes (a mark on the row) and archives (the
 * row moves under "Archived (1)"); "Message info" shows when a received message was sent, arrived and was read.
 */
@DesktopTest
class TimerPickerAndArchiveUiTest {
    private DesktopFixture app;
    private ParleyApp bob;

    @BeforeEach
    void setUp() throws Exception {
        ProfileSessions sessions = app.sessions;
        bob = app.createWithContact("alice", "bob");
        UiServices alice = sessions.session().services();
        bob.messaging().send("alice", "are we still on for saturday?");
        assertThat(UiTestNetwork.await(() -> {
            try {
                return !alice.recent("bob", 5).newestFirst().isEmpty();
            } catch (Exception e) {
                return false;
            }
        }, DesktopFixture.TIMEOUT)).isTrue();
        sessions.lock();
    }

    @Test
    void timerPickerSystemLineMuteAndArchive() throws Exception {
        app.start("alice");
        app.unlock();
        // the list loads in the background after unlock (slow on a loaded machine)
        app.waitUntil(() -> app.robot.lookup("bob").tryQuery().isPresent());
        app.robot.clickOn("bob");
        app.waitUntil(() -> app.showing(".bubble"));

        app.robot.clickOn("#timerButton");
        app.waitUntil(() -> app.robot.lookup("1 hour").tryQuery().isPresent());
        app.robot.clickOn("1 hour");
        assertThat(UiTestNetwork.await(() -> {
            try {
                return bob.actions().disappearing("alice") == DisappearingTimer.HOUR_1;
            } catch (Exception e) {
                return false;
            }
        }, DesktopFixture.TIMEOUT)).isTrue();
        app.waitUntil(() -> systemLine("You set disappearing messages to 1 hour").isPresent());
        Node line = systemLine("You set disappearing messages to 1 hour").orElseThrow();
        assertThat(ancestorWithClass(line, "bubble")).as("a system line is not a bubble").isFalse();
        MenuButton timer = app.robot.lookup("#timerButton").query();
        assertThat(timer.getText()).isEqualTo("1h");
        app.screenshot("chat-timer-system-line");

        // Message info of bob's message: when he sent it, when it arrived here, when it was read here
        app.robot.rightClickOn(".bubble");
        app.waitUntil(() -> app.robot.lookup("Message info").tryQuery().isPresent());
        app.robot.clickOn("Message info");
        app.waitUntil(() -> app.showing("#messageInfo"));
        Node info = app.robot.lookup("#messageInfo").query();
        assertThat(((Labeled) info.lookup("#info-sent")).getText()).startsWith("Today ");
        assertThat(((Labeled) info.lookup("#info-received")).getText()).startsWith("Today ");
        assertThat(((Labeled) info.lookup("#info-readHere")).getText()).startsWith("Today ");
        app.screenshot(info.getScene(), "message-info");
        app.fx(() -> info.getScene().getWindow().hide());

        app.robot.rightClickOn(visibleConversationName());
        app.waitUntil(() -> app.robot.lookup("Mute notifications").tryQuery().isPresent());
        app.robot.clickOn("Mute notifications");
        app.waitUntil(() -> app.robot.lookup(".muted-mark").queryAll().stream().anyMatch(TimerPickerAndArchiveUiTest::shown));

        app.robot.rightClickOn(visibleConversationName());
        app.waitUntil(() -> app.robot.lookup("Archive").tryQuery().isPresent());
        app.robot.clickOn("Archive");
        app.waitUntil(() -> app.showing("#archivedToggle")
                && "Archived (1)".equals(((Labeled) app.robot.lookup("#archivedToggle").query()).getText())
                && app.robot.lookup(".conversation-name").queryAll().stream().noneMatch(TimerPickerAndArchiveUiTest::shown));
        app.robot.clickOn("#archivedToggle");
        app.waitUntil(() -> app.robot.lookup(".conversation-name").queryAll().stream()
                .anyMatch(n -> shown(n) && "bob".equals(((Labeled) n).getText())));
        app.screenshot("conversation-archived-and-muted");
    }

    private Optional<Node> systemLine(String text) {
        return app.robot.lookup(".system-line").queryAll().stream()
                .filter(n -> n.isVisible() && ((Labeled) n).getText().startsWith(text)).findFirst();
    }

    private static boolean ancestorWithClass(Node node, String styleClass) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains(styleClass)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The conversation row's name the user sees: the list keeps spare rows in the scene, hidden
     * ({@code FixedRowListSkin}), so the first ".conversation-name" in the scene may be one nobody can click.
     */
    private Node visibleConversationName() {
        return app.robot.lookup(".conversation-name").match(TimerPickerAndArchiveUiTest::shown).query();
    }

    /** Whether {@code node} and every parent of it are visible (a hidden row's labels are visible themselves). */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
