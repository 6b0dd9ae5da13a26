package dev.parley.desktop.ui.main;

import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Keeps a chat showing its newest row while the reader is at the bottom, as messengers do: a row that grows after it
 * was added (a file card once its upload ends, a status line) or a viewport that shrinks must not push the newest
 * message out of view. Only the reader's own scrolling (wheel, keys, the scroll bar) or a jump elsewhere lets go.
 */
final class ChatBottomPin {
    private final ListView<?> list;
    private boolean pinned = true;
    private boolean readerMoved;

    ChatBottomPin(ListView<?> list) {
        this.list = list;
        list.addEventFilter(ScrollEvent.SCROLL, this::readerMoved);
        list.addEventFilter(KeyEvent.KEY_PRESSED, this::readerMoved);
        list.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::readerMoved);
        list.addEventFilter(MouseEvent.MOUSE_PRESSED, this::readerMoved);
        list.sceneProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(this::afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(this::afterLayout);
            }
        });
        Scene scene = list.getScene();
        if (scene != null) {
            scene.addPostLayoutPulseListener(this::afterLayout);
        }
    }

    /** Shows the newest row and keeps it shown. */
    void toEnd() {
        pinned = true;
        readerMoved = false;
        if (!list.getItems().isEmpty()) {
            list.scrollTo(list.getItems().size() - 1);
        }
    }

    /** The view moves elsewhere on purpose (a jump to a quoted or found message, older pages kept in place). */
    void release() {
        pinned = false;
    }

    private void readerMoved(Event e) {
        readerMoved = true;
    }

    private void afterLayout() {
        VirtualFlow<?> flow = list.lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f : null;
        if (flow == null || list.getItems().isEmpty()) {
            return;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (last == null) {
            return; // cells being rebuilt: nothing to judge by in this pulse
        }
        boolean atBottom = last.getIndex() >= list.getItems().size() - 1
                && last.getLayoutY() + last.getHeight() <= flow.getHeight() + 1;
        if (pinned && !atBottom && !readerMoved) {
            flow.scrollTo(list.getItems().size() - 1);
        } else {
            pinned = atBottom;
        }
        readerMoved = false;
    }
}
