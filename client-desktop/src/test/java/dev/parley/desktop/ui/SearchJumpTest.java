package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.main.ChatViewModel;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * Picking a search result opens its conversation at that message (highlighted for a moment), not at the newest
 * page, and scrolling down from there loads the newer pages until the newest message.
 */
@DesktopTest
class SearchJumpTest {
    private static final int MESSAGES = 2 * ChatViewModel.PAGE_SIZE + 30;
    private static final int TARGET = 20;
    private static final PseudoClass HIGHLIGHT = PseudoClass.getPseudoClass("highlight");

    private ProfileSessions sessions;
    private DesktopFixture app;

    private static String text(int i) {
        return i == TARGET ? "note " + i + " about the zeppelin museum" : "note " + i;
    }

    @Test
    void aSearchResultOpensTheChatAtThatMessageAndNewerPagesLoadWhenScrollingDown() throws Exception {
        ParleyApp bob = app.createWithContact("alice", "bob");
        UiServices alice = sessions.session().services();
        for (int i = 1; i <= MESSAGES; i++) {
            bob.messaging().send("alice", text(i));
        }
        assertThat(UiTestNetwork.await(() -> newest(alice).equals(text(MESSAGES)), DesktopFixture.TIMEOUT)).isTrue();
        sessions.lock();

        app.start("alice");
        app.unlock();
        app.robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        app.waitUntil(() -> app.showing("#searchField"));
        app.robot.write("zeppelin").type(KeyCode.ENTER);
        app.waitUntil(() -> app.robot.lookup(".search-result-contact").queryAll().size() == 1);
        // The highlight lasts 2.5 s of FX time; a loaded machine can let that pass between two polls of the test
        // thread. So every pulse's layout is examined on the FX thread itself, and the test waits for what it saw.
        AtomicBoolean sawHighlighted = new AtomicBoolean();
        AtomicBoolean sawNewest = new AtomicBoolean();
        Runnable watch = () -> {
            if (visibleBubble(text(TARGET)).filter(n -> n.getPseudoClassStates().contains(HIGHLIGHT)).isPresent()) {
                sawHighlighted.set(true);
                sawNewest.compareAndSet(false, visibleBubble(text(MESSAGES)).isPresent());
            }
        };
        app.fx(() -> app.shell().scene().addPostLayoutPulseListener(watch));
        app.robot.clickOn(".search-result-contact");

        app.waitUntil(sawHighlighted::get);
        app.fx(() -> app.shell().scene().removePostLayoutPulseListener(watch));
        assertThat(sawNewest).as("not the newest page").isFalse();
        assertThat(chatList().getItems().size()).isLessThan(MESSAGES);
        app.screenshot("search-jump");

        // the highlight is brief
        app.waitUntil(() -> app.robot.lookup(".bubble").queryAll().stream()
                .noneMatch(n -> n.getPseudoClassStates().contains(HIGHLIGHT)));

        // page down until the newest message shows: the newer pages load on demand
        for (int step = 0; step < 200 && visibleBubble(text(MESSAGES)).isEmpty(); step++) {
            app.fx(() -> flow().scrollPixels(flow().getHeight()));
        }
        app.waitUntil(() -> visibleBubble(text(MESSAGES)).isPresent());
        assertThat(app.robot.lookup(".bubble-text").queryAllAs(Label.class).stream().map(Label::getText))
                .doesNotContain(text(1));
    }

    private static String newest(UiServices alice) {
        try {
            return alice.history("bob", 1, OptionalLong.empty()).newestFirst().stream().findFirst()
                    .map(m -> m.text()).orElse("");
        } catch (Exception e) {
            return "";
        }
    }

    /** The bubble showing {@code text} in a cell that is on screen (not a spare cell of the virtual flow). */
    private Optional<Node> visibleBubble(String text) {
        return app.robot.lookup(".bubble-text").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().equals(text) && treeVisible(l))
                .map(l -> (Node) l.getParent())
                .findFirst();
    }

    private static boolean treeVisible(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
            if (at instanceof javafx.scene.control.ListCell && ((javafx.scene.control.ListCell<?>) at).isEmpty()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private ListView<?> chatList() {
        return app.robot.lookup("#chatList").queryAs(ListView.class);
    }

    private VirtualFlow<?> flow() {
        return (VirtualFlow<?>) chatList().lookup(".virtual-flow");
    }
}
