package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.ui.main.ChatWarmUp;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * Issue #14, the main window's first paint: it styles and lays out the conversation list, not the panes that do not
 * show yet. The open chat is built right after the list has painted (and warmed up, before a conversation opens) or,
 * with no conversations, when the first one opens; the search panel when the search first opens. Whenever they are
 * built, what attaches to the chat's header (the presence line, the group info button) is there.
 */
@DesktopTest
class MainWindowFirstPaintTest {
    private UiTestNetwork net;
    private DesktopFixture app;

    private void createAlice() throws Exception {
        net.createProfile(app.sessions, "alice");
    }

    @Test
    void theFirstPaintHoldsTheListAndTheChatIsBuiltRightAfterIt() throws Exception {
        net.otherClient("bob");
        createAlice();
        app.sessions.session().services().addContact("bob");
        app.sessions.lock();
        app.start("alice");
        // at the first pulse that lays out a conversation row: which of the hidden panes were in the window?
        AtomicReference<String> atFirstRows = new AtomicReference<>();
        Scene scene = app.shell().scene();
        Runnable watch = () -> {
            if (atFirstRows.get() == null && scene.getRoot().lookupAll(".conversation-cell").stream()
                    .anyMatch(Node::isVisible)) {
                atFirstRows.set("chat " + (scene.lookup("#composer") != null) + ", search "
                        + (scene.lookup("#searchPanel") != null));
            }
        };
        app.fx(() -> scene.addPostLayoutPulseListener(watch));
        app.unlock();
        app.waitUntil(() -> atFirstRows.get() != null);
        app.fx(() -> scene.removePostLayoutPulseListener(watch));
        assertThat(atFirstRows.get()).isEqualTo("chat false, search false");

        // right after it: the chat is built, hidden, and has made its cells before any conversation opens
        app.waitUntil(() -> scene.lookup("#chatList") instanceof ListView<?> list && ChatWarmUp.done(list));
        assertThat(ChatWarmUp.nanos((ListView<?>) scene.lookup("#chatList"))).as("warmed up").isPositive();
        assertThat(scene.lookup("#chatPane").isVisible()).as("no conversation is open").isFalse();
        assertThat(scene.lookup("#chatPresence")).as("the presence line is in the chat's header").isNotNull();
        assertThat(scene.lookup("#searchPanel")).isNull();

        app.robot.clickOn(".conversation-cell");
        app.waitUntil(() -> chatShowing() && "bob".equals(chatTitle()));
        assertThat(app.showing("#safetyButton")).isTrue();
        assertThat(app.showing("#groupInfoButton")).as("bob is no group").isFalse();

        app.robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        app.waitUntil(() -> app.showing("#searchField") && app.robot.lookup("#searchField").queryAs(TextField.class)
                .isFocused());
        app.robot.type(KeyCode.ESCAPE);
        app.waitUntil(() -> !app.showing("#searchPanel"));
    }

    @Test
    void withoutConversationsTheChatIsBuiltWhenTheFirstOneOpens() throws Exception {
        net.otherClient("bob");
        createAlice();
        app.sessions.lock();
        app.start("alice");
        app.unlock();
        app.waitUntil(() -> app.showing("#noConversations"));
        // a few pulses later the window still holds no chat: nothing is listed, nothing can open
        for (int i = 0; i < 3; i++) {
            app.fx(javafx.application.Platform::requestNextPulse);
        }
        assertThat(app.shell().scene().lookup("#chatList")).isNull();

        app.robot.clickOn("#addContactButton");
        app.waitUntil(() -> app.showing("#username"));
        app.fx(() -> app.robot.lookup("#username").queryAs(TextField.class).setText("bob"));
        app.robot.clickOn("#addButton");
        // the added contact opens: the chat is built as it opens, its header already showing bob
        app.waitUntil(() -> chatShowing() && "bob".equals(chatTitle()));
        assertThat(app.shell().scene().lookup("#chatPresence")).isNotNull();
        assertThat(app.showing("#safetyButton")).isTrue();
        assertThat(app.showing("#groupInfoButton")).isFalse();
    }

    private boolean chatShowing() {
        Node pane = app.shell().scene().lookup("#chatPane");
        return pane != null && pane.isVisible() && app.shell().scene().lookup("#composer") != null;
    }

    private String chatTitle() {
        Node title = app.shell().scene().lookup("#chatTitle");
        return title instanceof Label label && title.isVisible() ? label.getText() : null;
    }
}
