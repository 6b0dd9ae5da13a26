package dev.parley.desktop.ui.people;

import dev.parley.desktop.ui.common.AvatarView;
import dev.parley.desktop.ui.common.ContactLook;
import dev.parley.desktop.ui.common.ContactLookSource;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.HashSet;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.WeakMapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Requests dialog (issue #14): each person who wrote first, with their username, shown name, avatar and latest
 * message, and Accept / Delete / Block. Nothing goes back to them until Accept. Name and avatar come from the same
 * {@link ContactLookSource} as the conversation list (decoded off the FX thread, following a profile that arrives
 * after the request); a requester's avatar shows blurred until the user clicks it (docs/protocol.md 1.12).
 */
public final class RequestsView extends VBox {
    private final RequestsViewModel vm;
    private final ContactLookSource looks;
    private final UserMessages messages;
    private final VBox rows = new VBox(10);
    /** Requesters whose avatar the user chose to see unblurred while this dialog is open. */
    private final Set<String> revealed = new HashSet<>();
    private boolean showing;
    private final MapChangeListener<String, ContactLook> lookChanged;

    public RequestsView(RequestsViewModel vm, ContactLookSource looks, UserMessages messages, Runnable close) {
        this.vm = vm;
        this.looks = looks;
        this.messages = messages;
        this.lookChanged = c -> {
            if (vm.requests().stream().anyMatch(r -> r.username().equals(c.getKey()))) {
                showRows();
            }
        };
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
        // a requester's profile may arrive after the request: their row follows their look (weakly held, so a closed
        // dialog is not kept by the session's looks)
        looks.looks().addListener(new WeakMapChangeListener<>(lookChanged));
        showRows();
    }

    private void showRows() {
        if (showing) {
            return;
        }
        showing = true;
        try {
            // asking for a look not loaded yet puts a plain one into the map (a change this method must not follow)
            vm.requests().forEach(r -> looks.request(r.username()));
            rows.getChildren().clear();
            for (PeopleGateway.Request r : vm.requests()) {
                rows.getChildren().add(row(r));
            }
        } finally {
            showing = false;
        }
    }

    private HBox row(PeopleGateway.Request r) {
        ContactLook loaded = looks.looks().get(r.username());
        ContactLook look = loaded != null ? loaded : ContactLook.plain(r.username());
        // until their look is loaded, the name the request was listed with
        String shown = look.named() ? look.shown() : r.shownName();
        AvatarView avatar = new AvatarView(false);
        avatar.setId("requestAvatar-" + r.username());
        // no presence dot: a requester's presence is never taken (1.16)
        avatar.setLook(new ContactLook(r.username(), shown, look.named(), look.avatar(), ContactLook.Presence.NONE));
        if (look.avatar().isPresent() && !revealed.contains(r.username())) {
            avatar.setBlurred(true);
            Tooltip.install(avatar, new Tooltip(messages.get("people.requests.photoHidden")));
            avatar.setOnMouseClicked(e -> {
                revealed.add(r.username());
                showRows();
            });
        }
        Label name = new Label(shown);
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
