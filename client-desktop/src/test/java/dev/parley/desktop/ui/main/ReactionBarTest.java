package dev.parley.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.ReactionView;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.css.PseudoClass;
import javafx.event.Event;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The reactions under a bubble, as a chat cell reuses them for message after message (issues #12 and #13): chips are
 * kept and changed in place, a reused bar shows only the new message's reactions, and a chip's tooltip is made when
 * the pointer first comes over it and always names who reacted then.
 */
@Tag("ui")
class ReactionBarTest {
    private static final PseudoClass MINE = PseudoClass.getPseudoClass("mine");
    private static final String THUMBS = "\uD83D\uDC4D";
    private static final String HEART = "\u2764";
    private static final String LAUGH = "\uD83D\uDE02";
    private final List<MessageView> removed = new ArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aReusedBarShowsTheNewMessagesReactionsAndNoneOfTheOldOnes() throws Exception {
        ReactionBar bar = fx(this::bar);
        fx(() -> bar.show(message(new ReactionView("bob", THUMBS), new ReactionView("carol", THUMBS),
                new ReactionView("alice", HEART))));
        assertThat(fx(() -> labels(bar))).containsExactly(THUMBS + " 2", HEART + " 1");
        Button first = fx(() -> chips(bar).get(0));

        fx(() -> bar.show(message(new ReactionView("dave", LAUGH))));
        assertThat(fx(() -> labels(bar))).containsExactly(LAUGH + " 1");
        assertThat(fx(() -> chips(bar).get(0))).as("the chip is reused, not made again").isSameAs(first);
        assertThat(fx(() -> chips(bar).get(0).getPseudoClassStates())).doesNotContain(MINE);
        assertThat(fx(() -> ((javafx.scene.image.ImageView) first.getGraphic()).getAccessibleText())).isEqualTo(LAUGH);

        fx(() -> bar.show(message()));
        assertThat(fx(() -> chips(bar))).isEmpty();
        assertThat(fx(bar::isVisible)).isFalse();
        assertThat(fx(bar::isManaged)).isFalse();

        fx(() -> bar.show(message(new ReactionView("alice", THUMBS), new ReactionView("bob", HEART))));
        assertThat(fx(() -> labels(bar))).containsExactly(THUMBS + " 1", HEART + " 1");
        assertThat(fx(() -> chips(bar).get(0))).isSameAs(first);
        assertThat(fx(() -> chips(bar).get(0).getPseudoClassStates())).contains(MINE);
        assertThat(fx(bar::isVisible)).isTrue();
    }

    @Test
    void aCountChangeUpdatesTheChipInPlace() throws Exception {
        ReactionBar bar = fx(this::bar);
        fx(() -> bar.show(message(new ReactionView("bob", THUMBS))));
        Button chip = fx(() -> chips(bar).get(0));
        assertThat(fx(chip::getText)).isEqualTo("1");
        assertThat(fx(() -> chip.getPseudoClassStates())).doesNotContain(MINE);

        fx(() -> bar.show(message(new ReactionView("bob", THUMBS), new ReactionView("alice", THUMBS))));
        assertThat(fx(() -> chips(bar))).containsExactly(chip);
        assertThat(fx(chip::getText)).isEqualTo("2");
        assertThat(fx(chip::getAccessibleText)).isEqualTo(THUMBS + " 2");
        assertThat(fx(() -> chip.getPseudoClassStates())).contains(MINE);
    }

    @Test
    void aChipsTooltipIsMadeOnTheFirstHoverAndNamesTheReactorsShownThen() throws Exception {
        ReactionBar bar = fx(this::bar);
        fx(() -> bar.show(message(new ReactionView("bob", THUMBS), new ReactionView("alice", THUMBS))));
        Button chip = fx(() -> chips(bar).get(0));
        assertThat(fx(chip::getTooltip)).as("no tooltip before the pointer comes").isNull();

        fx(() -> hover(chip));
        assertThat(fx(() -> chip.getTooltip().getText())).isEqualTo(THUMBS + " bob, You");

        // the cell shows another message: the tooltip made says who reacted to that one
        fx(() -> bar.show(message(new ReactionView("carol", THUMBS))));
        assertThat(fx(() -> chip.getTooltip().getText())).isEqualTo(THUMBS + " carol");
    }

    @Test
    void anEmojiWithoutAnImageShowsAsTextAndClickingListsWhoReacted() throws Exception {
        ReactionBar bar = fx(this::bar);
        fx(() -> bar.show(message(new ReactionView("bob", "x"))));
        Button chip = fx(() -> chips(bar).get(0));
        assertThat(fx(chip::getText)).isEqualTo("x 1");
        assertThat(fx(chip::getGraphic)).isNull();

        fx(() -> bar.show(message(new ReactionView("bob", THUMBS))));
        assertThat(fx(chip::getText)).isEqualTo("1");
        assertThat(fx(chip::getGraphic)).isNotNull();
    }

    private ReactionBar bar() {
        return new ReactionBar(new UserMessages(ViewLoader.defaultBundle()), () -> "alice", removed::add);
    }

    private static int ids;

    private static MessageView message(ReactionView... reactions) {
        return new MessageView("m" + (++ids), "bob", false, "hi", Instant.parse("2026-12-05T10:00:00Z"),
                MessageView.Status.SEEN, Optional.empty(), ids, List.of(reactions), false, false, Optional.empty());
    }

    private static List<Button> chips(ReactionBar bar) {
        return bar.getChildren().stream().map(Button.class::cast).toList();
    }

    private static List<String> labels(ReactionBar bar) {
        return chips(bar).stream().map(Button::getAccessibleText).toList();
    }

    private static void hover(Button chip) {
        Event.fireEvent(chip, new MouseEvent(MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1, MouseButton.NONE, 0, false, false,
                false, false, false, false, false, false, false, false, null));
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    private static void fx(Runnable work) throws Exception {
        WaitForAsyncUtils.asyncFx(work).get();
    }
}
