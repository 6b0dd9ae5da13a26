package dev.parley.desktop.ui.main;

import java.util.Objects;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.skin.VirtualFlow;

/**
 * The open chat's scrolling (split out of {@link MainController}): pinned to the newest message, keeping the reader's
 * place when pages are added or dropped above, jumping to a search result, and loading pages before the reader
 * reaches either end of the loaded window.
 */
final class ChatScroll {
    /** Rows from either end of the loaded window at which the next page is requested. */
    static final int PREFETCH_ROWS = 30;
    /** Rows shown above a search result the chat jumped to. */
    private static final int ROWS_ABOVE_JUMP = 3;
    private static final javafx.util.Duration HIGHLIGHT_TIME = javafx.util.Duration.seconds(2.5);

    private final ListView<ChatRow> chatList;
    private final ChatViewModel chat;

    ChatScroll(ListView<ChatRow> chatList, ChatViewModel chat) {
        this.chatList = Objects.requireNonNull(chatList);
        this.chat = Objects.requireNonNull(chat);
    }

    void bind() {
        ChatBottomPin bottomPin = new ChatBottomPin(chatList);
        chat.onScrollToEndProperty().set(() -> Platform.runLater(bottomPin::toEnd));
        chat.onPrependedProperty().set(shift -> {
            bottomPin.release();
            keepPlace(shift);
        });
        chat.onDroppedTopProperty().set(removed -> {
            bottomPin.release();
            keepPlace(-removed);
        });
        javafx.animation.PauseTransition highlightTimeout = new javafx.animation.PauseTransition(HIGHLIGHT_TIME);
        highlightTimeout.setOnFinished(e -> chat.clearHighlight());
        chat.onScrollToRowProperty().set(index -> {
            bottomPin.release();
            chatList.scrollTo(Math.max(0, index - ROWS_ABOVE_JUMP));
            highlightTimeout.playFromStart();
        });
        chatList.skinProperty().addListener((obs, was, skin) -> watchScroll());
    }

    /**
     * Loads pages before the user reaches either end: older when the first visible row is within
     * {@link #PREFETCH_ROWS} of the top, newer when the last is within that of the bottom (after a search jump).
     */
    private void watchScroll() {
        for (Node n : chatList.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar && ((ScrollBar) n).getOrientation() == Orientation.VERTICAL) {
                ((ScrollBar) n).valueProperty().addListener((obs, was, now) -> prefetch());
            }
        }
    }

    private void prefetch() {
        VirtualFlow<?> flow = flow();
        if (flow == null || flow.getFirstVisibleCell() == null) {
            return;
        }
        if (chat.hasOlder() && flow.getFirstVisibleCell().getIndex() < PREFETCH_ROWS) {
            chat.loadOlder();
        }
        if (chat.hasNewer() && flow.getLastVisibleCell().getIndex() >= chatList.getItems().size() - PREFETCH_ROWS) {
            chat.loadNewer();
        }
    }

    /** Keeps the row at the top of the viewport in place after {@code shift} rows were inserted (or removed) above it. */
    private void keepPlace(int shift) {
        VirtualFlow<?> flow = flow();
        if (flow == null || flow.getFirstVisibleCell() == null) {
            chatList.scrollTo(Math.max(0, shift));
            return;
        }
        chatList.scrollTo(Math.max(0, flow.getFirstVisibleCell().getIndex() + shift));
    }

    private VirtualFlow<?> flow() {
        Node n = chatList.lookup(".virtual-flow");
        return n instanceof VirtualFlow ? (VirtualFlow<?>) n : null;
    }
}
