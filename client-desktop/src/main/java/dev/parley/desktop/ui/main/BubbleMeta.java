package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.TimeLabels;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The line at the foot of a chat bubble ({@link ChatRowCell}): "Retry" on a failed message of one's own, "edited",
 * the time, and on outgoing messages the status ticks with their tooltip ("Delivered", "Read").
 */
final class BubbleMeta {
    private final TimeLabels times;
    private final UserMessages messages;
    private final Supplier<MessageView> shown;
    private final Label edited = new Label();
    private final Label meta = new Label();
    private final Label tick = new Label();
    private final Hyperlink retryLink = new Hyperlink();
    private final HBox row;
    /** The row's parts in the order they stand in it (the retry link and "edited" only once needed). */
    private final List<Node> order;
    /** The ticks' tooltip, made the first time the pointer is over them. */
    private Tooltip tickTip;

    /**
     * @param shown the message the bubble shows now (null: none)
     * @param retry sends a failed message again
     */
    BubbleMeta(TimeLabels times, UserMessages messages, Supplier<MessageView> shown, Consumer<MessageView> retry) {
        this.times = times;
        this.messages = messages;
        this.shown = shown;
        tick.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
            if (tickTip == null) {
                tickTip = new Tooltip();
                tick.setTooltip(tickTip);
                MessageView m = shown.get();
                if (m != null) {
                    tickTip.setText(tickTip(m));
                }
            }
        });
        retryLink.setOnAction(e -> {
            MessageView m = shown.get();
            if (m != null) {
                retry.accept(m);
            }
        });
        meta.getStyleClass().add("bubble-meta");
        tick.getStyleClass().addAll("bubble-meta", "tick");
        retryLink.getStyleClass().add("retry-link");
        retryLink.setText(messages.get("main.retry"));
        edited.getStyleClass().addAll("bubble-meta", "edited-label");
        edited.setText(messages.get("message.edited"));
        row = new HBox(4, meta, tick); // the retry link and "edited" join it when first needed
        order = List.of(retryLink, edited, meta, tick);
        row.setAlignment(Pos.CENTER_RIGHT);
        row.setMinWidth(Region.USE_PREF_SIZE);
    }

    HBox node() {
        return row;
    }

    /** Shows {@code m}'s time, "edited", ticks and retry link. */
    void show(MessageView m) {
        boolean out = m.outgoing();
        boolean showsEdited = m.edited() && !m.deleted();
        edited.setVisible(showsEdited);
        edited.setManaged(showsEdited);
        if (showsEdited) {
            OrderedChildren.attach(edited, row, order);
        }
        meta.setText(times.time(m.sentAt()));
        boolean failed = m.status() == MessageView.Status.FAILED;
        retryLink.setVisible(failed && out);
        retryLink.setManaged(failed && out);
        if (failed && out) {
            OrderedChildren.attach(retryLink, row, order);
        }
        tick.setVisible(out);
        tick.setManaged(out);
        if (out) {
            tick.setText(tickFor(m.status()));
            boolean read = m.status() == MessageView.Status.READ;
            if (read != tick.getStyleClass().contains("read")) {
                if (read) {
                    tick.getStyleClass().add("read");
                } else {
                    tick.getStyleClass().remove("read");
                }
            }
            if (tickTip != null) {
                tickTip.setText(tickTip(m));
            }
        }
    }

    private String tickTip(MessageView m) {
        return messages.get("state." + m.status().name()) + m.failure().map(r -> ": " + r).orElse("");
    }

    /** The status glyphs: a clock while sending, one tick when the relay has it, two when delivered or read. */
    static String tickFor(MessageView.Status state) {
        switch (state) {
            case SENDING:
                return "\u25F7";
            case SENT:
                return "\u2713";
            case DELIVERED:
            case READ:
                return "\u2713\u2713";
            case FAILED:
                return "!";
            default:
                return "";
        }
    }
}
