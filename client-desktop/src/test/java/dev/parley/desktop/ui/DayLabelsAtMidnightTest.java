package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.UiServices;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;

/**
 * The day labels follow the date while the window stays open: at local midnight (on the app's clock, moved by the
 * test) the conversation list's stamp of a message sent "today" becomes "Yesterday", and so does the chat's date
 * divider, without the conversation being opened again.
 */
@DesktopTest
class DayLabelsAtMidnightTest {
    private DesktopFixture app;

    @Test
    void theListStampAndTheDateDividerTurnToYesterdayAtMidnight() throws Exception {
        app.net().otherClient("bob");
        UiServices alice = app.net().createProfile(app.sessions, "alice");
        alice.addContact("bob");
        MessageView sent = alice.send("bob", "see you tomorrow");
        app.sessions.lock();
        // a zone where the message was sent around noon, so its day has hours left whenever the test runs
        ZoneOffset zone = ZoneOffset.ofHours(Math.floorMod(12 - sent.sentAt().atZone(ZoneOffset.UTC).getHour() + 11, 24)
                - 11);
        ZonedDateTime midnight = sent.sentAt().atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone);
        MovableClock clock = new MovableClock(zone);
        clock.moveTo(midnight.minusMinutes(2).toInstant());
        app.start("alice", clock, Duration.ofSeconds(1));
        app.unlock();
        app.robot.clickOn(".conversation-cell");
        String sentTime = String.format("%02d:%02d", sent.sentAt().atZone(zone).getHour(),
                sent.sentAt().atZone(zone).getMinute());
        app.waitUntil(() -> dividers().equals(List.of("Today")) && conversationTime().equals(sentTime));
        app.screenshot("day-labels-before-midnight");

        clock.moveTo(midnight.minusSeconds(2).toInstant());
        Instant after = midnight.toInstant();
        app.waitUntil(() -> clock.instant().isAfter(after) && dividers().equals(List.of("Yesterday"))
                && conversationTime().equals("Yesterday"));
        app.screenshot("day-labels-after-midnight");
    }

    private List<String> dividers() {
        return app.robot.lookup(".day-divider").queryAll().stream().filter(Node::isVisible)
                .filter(n -> n.getParent() != null && n.getScene() != null)
                .map(n -> ((Label) ((Pane) n).getChildren().get(0)).getText()).toList();
    }

    private String conversationTime() {
        return app.robot.lookup(".conversation-time").queryAll().stream().filter(Node::isVisible)
                .map(n -> ((Label) n).getText()).findFirst().orElse("");
    }
}
