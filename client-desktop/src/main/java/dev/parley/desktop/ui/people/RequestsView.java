package dev.parley.desktop.ui.people;

import dev.parley.desktop.ui.common.AvatarView;
import dev.parley.desktop.ui.common.UserMessages;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Requests dialog (issue #14): each person who wrote first, with their username, shown name and latest message,
 * and Accept / Delete / Block. Nothing goes back to them until Accept.
 */
public final class RequestsView extends VBox {
    private final RequestsViewModel vm;
    private final UserMessages messages;
    private final VBox rows = new VBox(10);

    public RequestsView(RequestsViewModel vm, UserMessages messages, Runnable close) {
        this.vm = vm;
        this.messages = messages;
        getStyleClass().add("dialog-pane-root");
        setPrefWidth(520);
        Label title = new Label(messages.get("people.requests.title"));
        title.getStyleClass().add("dialog-title");
        Label explain = new Label(messages.get("people.requests.text"));
        explain.getStyleClass().add("subtitle");
        explain.setWrapText(true);
        explain.setMinHeight(Label.USE_PREF_SIZE);
        Label empty = new Label(messages.get("people.requests.none"));
        empty.setId("noRequests");
        empty.getStyleClass().add("hint");
        empty.visibleProperty().bind(Bindings.isEmpty(vm.requests()));
        empty.managedProperty().bind(empty.visibleProperty());
        ScrollPane scroller = new ScrollPane(rows);
        scroller.setFitToWidth(true);
        scroller.setPrefViewportHeight(300);
        scroller.getStyleClass().add("dialog-scroller");
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Button done = new Button(messages.get("people.close"));
        done.setId("requestsDone");
        done.getStyleClass().add("accent");
        done.setDefaultButton(true);
        done.setOnAction(e -> close.run());
        HBox buttons = new HBox(done);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(title, explain, empty, scroller, error, buttons);
        vm.requests().addListener((ListChangeListener<PeopleGateway.Request>) c -> showRows());
        showRows();
    }

    private void showRows() {
        rows.getChildren().clear();
        for (PeopleGateway.Request r : vm.requests()) {
            rows.getChildren().add(row(r));
        }
    }

    private HBox row(PeopleGateway.Request r) {
        AvatarView avatar = new AvatarView(false);
        avatar.setName(r.shownName());
        Label name = new Label(r.shownName());
        name.getStyleClass().add("me-name");
        Label username = new Label("@" + r.username());
        username.getStyleClass().add("hint");
        Label preview = new Label(r.latestMessage());
        preview.setWrapText(true);
        preview.setMaxHeight(60);
        VBox text = new VBox(2, name, username, preview);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button accept = button("accept", r.username(), "people.requests.accept", () -> vm.accept(r.username()));
        accept.getStyleClass().add("accent");
        Button delete = button("delete", r.username(), "people.requests.delete", () -> vm.delete(r.username()));
        Button block = button("block", r.username(), "people.requests.block", () -> vm.block(r.username()));
        block.getStyleClass().add("danger");
        VBox actions = new VBox(6, accept, delete, block);
        actions.setMinWidth(Button.USE_PREF_SIZE);
        HBox row = new HBox(12, avatar, text, actions);
        row.getStyleClass().add("request-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Button button(String kind, String username, String key, Runnable action) {
        Button b = new Button(messages.get(key));
        b.setId(kind + "-" + username);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> action.run());
        return b;
    }
}
