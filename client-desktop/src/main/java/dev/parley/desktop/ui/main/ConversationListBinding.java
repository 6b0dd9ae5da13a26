package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.ContactLook;
import dev.parley.desktop.ui.common.FixedRowListSkin;
import dev.parley.desktop.ui.common.TimeLabels;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/**
 * The conversation list of the main window (split out of {@link MainController}): the filter box, the rows (a
 * {@link FixedRowListSkin}, so filtering a thousand conversations re-styles no row, issue #14), the archived toggle,
 * the empty text, and the selection, which is the open conversation.
 */
final class ConversationListBinding {
    private final ConversationListViewModel list;
    private final ListView<ConversationItem> view;

    ConversationListBinding(ConversationListViewModel list, ListView<ConversationItem> view) {
        this.list = Objects.requireNonNull(list);
        this.view = Objects.requireNonNull(view);
    }

    /** @param lookChanged hears the username of a person whose name, avatar or presence changed */
    void bind(TextField filter, Button archivedToggle, Label noConversations, TimeLabels times, UserMessages messages,
              Consumer<String> lookChanged) {
        filter.textProperty().bindBidirectional(list.filterProperty());
        view.setItems(list.visibleItems());
        ConversationMenu conversationMenu = new ConversationMenu(list, messages);
        view.setCellFactory(v -> {
            ConversationCell cell = new ConversationCell(times, list::look, list.looks());
            conversationMenu.attach(cell);
            return cell;
        });
        view.setSkin(new FixedRowListSkin<>(view));
        archivedToggle.textProperty().bind(Bindings.when(list.showArchivedProperty())
                .then(messages.get("main.archived.back"))
                .otherwise(Bindings.format(messages.get("main.archived.show"), list.archivedCountBinding())));
        archivedToggle.visibleProperty().bind(list.showArchivedProperty().or(list.archivedCountBinding().greaterThan(0)));
        archivedToggle.managedProperty().bind(archivedToggle.visibleProperty());
        noConversations.textProperty().bind(list.emptyTextBinding());
        noConversations.visibleProperty().bind(Bindings.isNotEmpty(list.emptyTextBinding()));
        view.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && !now.username().equals(list.selectedProperty().get())) {
                // After the ListView has finished its own selection handling: opening the chat clears the unread
                // badge, which replaces the selected item, and doing that inside the click made ListView's
                // behaviour throw IndexOutOfBoundsException (seen in the running app).
                String name = now.username();
                Platform.runLater(() -> list.selectedProperty().set(name));
            }
        });
        list.selectedProperty().addListener((obs, was, now) -> select(now));
        // a contact's name, avatar or presence changed (#14): the row showing them follows by itself
        // (ConversationCell); the open chat's header is told
        list.looks().addListener((MapChangeListener<String, ContactLook>) c -> lookChanged.accept(c.getKey()));
        list.visibleItems().addListener((ListChangeListener<ConversationItem>) c ->
                Platform.runLater(() -> select(list.selectedProperty().get())));
    }

    private void select(String name) {
        ConversationItem current = view.getSelectionModel().getSelectedItem();
        if (name == null) {
            view.getSelectionModel().clearSelection();
            return;
        }
        if (current != null && current.username().equals(name)) {
            return;
        }
        for (int i = 0; i < view.getItems().size(); i++) {
            if (view.getItems().get(i).username().equals(name)) {
                view.getSelectionModel().select(i);
                return;
            }
        }
    }
}
