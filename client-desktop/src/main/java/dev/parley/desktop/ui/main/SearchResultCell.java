package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.TimeLabels;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** A search result: who and when, then the text around the match with the match highlighted. */
final class SearchResultCell extends ListCell<MessageView> {
    private static final int SNIPPET_CHARS = 90;
    private final TimeLabels times;
    private final Supplier<String> query;
    private final Label who = new Label();
    private final Text before = new Text();
    private final Text match = new Text();
    private final Text after = new Text();
    private final TextFlow what = new TextFlow(before, match, after);
    private final VBox box = new VBox(2, who, what);

    SearchResultCell(TimeLabels times, Supplier<String> query) {
        this.times = times;
        this.query = query;
        who.getStyleClass().add("search-result-contact");
        what.getStyleClass().add("search-snippet");
        before.getStyleClass().add("search-snippet-text");
        after.getStyleClass().add("search-snippet-text");
        match.getStyleClass().addAll("search-snippet-text", "search-hit");
        what.setMaxWidth(260);
        box.getStyleClass().add("conversation-cell");
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(MessageView m, boolean empty) {
        super.updateItem(m, empty);
        if (empty || m == null) {
            setGraphic(null);
            return;
        }
        who.setText(m.contact() + "  \u00B7  " + times.listStamp(m.sentAt()));
        SearchSnippet snippet = SearchSnippet.of(m.text(), query.get(), SNIPPET_CHARS);
        before.setText(snippet.before());
        match.setText(snippet.match());
        after.setText(snippet.after());
        setGraphic(box);
    }
}
