package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.TimeLabels;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * Glue between {@code search.fxml} and {@link SearchViewModel}: the search panel at the window's right. Split out of
 * {@link MainController}, which builds it when the search first opens (issue #14: a panel that does not show is not
 * styled and laid out in the main window's first paint).
 */
public final class SearchPaneController {
    private final MainViewModel vm;
    private final TimeLabels times;

    @FXML private VBox searchPanel;
    @FXML private TextField searchField;
    @FXML private ListView<MessageView> searchResults;
    @FXML private Label searchEmpty;

    public SearchPaneController(MainViewModel vm, TimeLabels times) {
        this.vm = Objects.requireNonNull(vm);
        this.times = Objects.requireNonNull(times);
    }

    @FXML
    private void initialize() {
        SearchViewModel search = vm.search();
        searchPanel.visibleProperty().bind(search.openProperty());
        searchPanel.managedProperty().bind(search.openProperty());
        searchField.textProperty().bindBidirectional(search.queryProperty());
        searchField.setOnAction(e -> search.search());
        searchResults.setItems(search.results());
        searchResults.setCellFactory(v -> new SearchResultCell(times, search.queryProperty()::get));
        searchEmpty.visibleProperty().bind(search.searchedProperty().and(Bindings.isEmpty(search.results())));
        searchResults.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                vm.openSearchResult(now);
            }
        });
    }

    /** Draws the results' day labels again (the date changed). */
    void relabelDays() {
        searchResults.refresh();
    }

    /** Puts the caret in the search field (after the panel opened). */
    void focus() {
        Platform.runLater(searchField::requestFocus);
    }

    @FXML
    private void closeSearch() {
        vm.search().close();
    }
}
