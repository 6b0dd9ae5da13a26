package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.AttachmentView;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.Pulses;
import dev.parley.desktop.ui.common.QuoteView;
import dev.parley.desktop.ui.common.ReactionView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ListView;

/**
 * Makes the chat's cells before the first conversation is opened (issues #12 and #13): right after the main window
 * has shown its conversations, the chat list (hidden until a conversation is open) lays out a page of made-up rows
 * of every common kind (a file card among them) and at once goes back to its real, empty rows, in one step on the FX thread, so nothing of it
 * is ever drawn. The cells it made (their nodes, skins and styles) stay in the list and show the first real page,
 * and the styles they looked up stay cached for the window; without this, the first conversation opened, or the
 * first photo of a burst, paid for making and styling every cell of the page while the user waited.
 */
public final class ChatWarmUp {
    /** Set in the chat list's properties once the warm-up ran or was skipped (benchmarks wait for it). */
    public static final String DONE = "parley.chat.warmedUp";
    /** Rows laid out: more than a page of one-line messages, so at least a page's cells are made. */
    private static final int ROWS = 40;
    private static final String ME = "warm-up-me";
    private static final String THEM = "warm-up-them";

    private ChatWarmUp() {
    }

    /** Whether the warm-up of {@code chatList} is over (done, or skipped because a conversation was open first). */
    public static boolean done(ListView<?> chatList) {
        return chatList.getProperties().containsKey(DONE);
    }

    /**
     * Warms {@code chatList} up once, after the first pulse that laid out its scene with {@code conversations} not
     * empty (so the conversation list paints first, and a profile without conversations makes no cells yet); skipped
     * if {@code rows} (the chat list's real items) are not empty by then, i.e. a conversation is already open. Call on
     * the FX thread.
     */
    static void whenListed(ListView<ChatRow> chatList, ObservableList<ChatRow> rows, ObservableList<?> conversations) {
        Runnable[] start = new Runnable[1];
        javafx.beans.InvalidationListener listener = o -> start[0].run();
        start[0] = () -> {
            if (chatList.getScene() == null || conversations.isEmpty()) {
                return;
            }
            chatList.sceneProperty().removeListener(listener);
            conversations.removeListener(listener);
            Pulses.afterNextLayout(chatList.getScene(), () -> run(chatList, rows));
        };
        chatList.sceneProperty().addListener(listener);
        conversations.addListener(listener);
        start[0].run();
    }

    static void run(ListView<ChatRow> chatList, ObservableList<ChatRow> rows) {
        if (done(chatList)) {
            return;
        }
        chatList.getProperties().put(DONE, Boolean.TRUE);
        if (!rows.isEmpty() || chatList.getItems() != rows || chatList.getScene() == null) {
            return;
        }
        chatList.setItems(FXCollections.observableArrayList(sampleRows()));
        chatList.applyCss();
        chatList.layout();
        chatList.setItems(rows);
        chatList.layout();
    }

    /** Made-up rows of the kinds a page shows: both directions, runs, reactions, edits, replies, links, emoji. */
    static List<ChatRow> sampleRows() {
        Instant at = Instant.parse("2026-01-01T09:00:00Z");
        List<ChatRow> rows = new ArrayList<>(ROWS);
        rows.add(new ChatRow.DayDivider(LocalDate.ofInstant(at, ZoneOffset.UTC)));
        rows.add(new ChatRow.UnreadMarker(2));
        List<ReactionView> reactions = List.of(new ReactionView(THEM, "\uD83D\uDC4D"), new ReactionView(ME, "\u2764"));
        QuoteView quote = new QuoteView("warm-up-0", Optional.of(THEM), Optional.of("a"));
        for (int i = 0; rows.size() < ROWS; i++) {
            boolean out = (i / 3) % 2 == 1;
            String text = switch (i % 7) {
                case 2 -> "https://example.org";
                case 5 -> "\uD83D\uDE00";
                default -> "a";
            };
            Optional<AttachmentView> file = i % 13 == 6 ? Optional.of(new AttachmentView("a.txt", 1, "text/plain", 0, 0,
                    new byte[0], AttachmentView.State.UPLOADED, "")) : Optional.empty();
            MessageView m = new MessageView("warm-up-" + i, THEM, out, text, at.plusSeconds(i),
                    out ? MessageView.Status.READ : MessageView.Status.SEEN, Optional.empty(), i,
                    i % 5 == 1 ? reactions : List.of(), i % 4 == 3, false,
                    i % 6 == 4 ? Optional.of(quote) : Optional.empty(), file);
            rows.add(new ChatRow.MessageRow(m, i % 3 == 0));
        }
        return rows;
    }
}
