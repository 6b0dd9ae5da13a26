package dev.parley.desktop.ui.main;

import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.ui.common.Icons;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;

/**
 * The disappearing-messages picker in the chat header: a timer icon (with the current setting beside it when one is
 * on) opening the eight choices, the current one checked. Binds {@link DisappearingTimerViewModel}.
 */
final class TimerPicker {
    private static final PseudoClass ON = PseudoClass.getPseudoClass("on");
    private final DisappearingTimerViewModel timer;
    private final UserMessages messages;

    TimerPicker(DisappearingTimerViewModel timer, UserMessages messages) {
        this.timer = Objects.requireNonNull(timer);
        this.messages = Objects.requireNonNull(messages);
    }

    void bind(MenuButton button) {
        button.setGraphic(Icons.TIMER.node());
        Tooltip tip = new Tooltip();
        button.setTooltip(tip);
        ToggleGroup group = new ToggleGroup();
        for (DisappearingTimer choice : DisappearingTimer.values()) {
            RadioMenuItem item = new RadioMenuItem(messages.get("timer." + choice.shortName()));
            item.setId("timer-" + choice.shortName());
            item.setToggleGroup(group);
            item.setUserData(choice);
            item.setOnAction(e -> timer.set(choice));
            button.getItems().add(item);
        }
        Runnable show = () -> {
            DisappearingTimer now = timer.timerProperty().get();
            group.getToggles().forEach(t -> t.setSelected(t.getUserData() == now));
            boolean on = now != DisappearingTimer.OFF;
            button.setText(on ? now.shortName() : "");
            button.pseudoClassStateChanged(ON, on);
            tip.setText(on ? messages.get("timer.tooltip.on", messages.get("timer." + now.shortName()))
                    : messages.get("timer.tooltip.off"));
        };
        timer.timerProperty().addListener((obs, was, now) -> show.run());
        show.run();
    }
}
