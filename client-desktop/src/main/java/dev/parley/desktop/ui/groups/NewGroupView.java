package dev.parley.desktop.ui.groups;

import dev.parley.desktop.ui.common.AvatarView;
import dev.parley.desktop.ui.common.UserMessages;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The "New group" dialog (issue #15): the title, the contacts to add (check boxes), Create. */
public final class NewGroupView extends VBox {
    private final NewGroupViewModel vm;
    private final VBox rows = new VBox(2);

    public NewGroupView(NewGroupViewModel vm, UserMessages messages, Runnable close) {
        this.vm = vm;
        getStyleClass().addAll("dialog-pane-root", "group-dialog");
        setPrefWidth(420);
        Label heading = new Label(messages.get("groups.new.title"));
        heading.getStyleClass().add("dialog-title");
        TextField title = new TextField();
        title.setId("groupTitle");
        title.setPromptText(messages.get("groups.new.titlePrompt"));
        title.textProperty().bindBidirectional(vm.titleProperty());
        Label section = new Label(messages.get("groups.new.members"));
        section.getStyleClass().add("group-section");
        Label none = new Label(messages.get("groups.new.noContacts"));
        none.getStyleClass().add("hint");
        none.setWrapText(true);
        none.visibleProperty().bind(Bindings.isEmpty(vm.contacts()));
        none.managedProperty().bind(none.visibleProperty());
        ScrollPane scroller = new ScrollPane(rows);
        scroller.setFitToWidth(true);
        scroller.setPrefViewportHeight(220);
        scroller.getStyleClass().add("dialog-scroller");
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Button cancel = new Button(messages.get("groups.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        Button create = new Button(messages.get("groups.new.create"));
        create.setId("createGroup");
        create.getStyleClass().add("accent");
        create.setDefaultButton(true);
        create.disableProperty().bind(vm.canCreateBinding().not());
        create.setOnAction(e -> vm.create());
        HBox buttons = new HBox(8, cancel, create);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(heading, title, section, none, scroller, error, buttons);
        vm.contacts().addListener((ListChangeListener<String>) c -> showRows());
        showRows();
    }

    private void showRows() {
        rows.getChildren().clear();
        for (String username : vm.contacts()) {
            AvatarView avatar = new AvatarView(true);
            avatar.setName(username);
            CheckBox pick = new CheckBox(username);
            pick.setId("pick-" + username);
            pick.setSelected(vm.picked().contains(username));
            pick.selectedProperty().addListener((obs, was, now) -> vm.setPicked(username, now));
            HBox row = new HBox(avatar, pick);
            row.getStyleClass().add("group-member-row");
            rows.getChildren().add(row);
        }
    }
}
