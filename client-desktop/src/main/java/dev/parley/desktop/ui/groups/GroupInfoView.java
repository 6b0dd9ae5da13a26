package dev.parley.desktop.ui.groups;

import dev.parley.desktop.ui.common.AvatarView;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The group info dialog (issue #15): title and member count, the members with their roles, and what this profile may
 * do: an admin renames, adds contacts, removes members and makes or unmakes admins; anyone leaves.
 */
public final class GroupInfoView extends VBox {
    private final GroupInfoViewModel vm;
    private final UserMessages messages;
    private final AvatarView avatar = new AvatarView(false);
    private final Label title = new Label();
    private final Label count = new Label();
    private final TextField renameField = new TextField();
    private final HBox renameRow;
    private final VBox members = new VBox(2);
    private final VBox addRows = new VBox(2);
    private final VBox addSection;
    private final List<CheckBox> addChoices = new ArrayList<>();
    private final Button leave;
    private final VBox requests = new VBox(4);
    private final Button invite;

    public GroupInfoView(GroupInfoViewModel vm, UserMessages messages, Runnable close, Runnable openInvite) {
        this.vm = vm;
        this.messages = messages;
        getStyleClass().addAll("dialog-pane-root", "group-dialog");
        setPrefWidth(460);
        avatar.setGroup(true);
        title.setId("groupInfoTitle");
        title.getStyleClass().add("group-dialog-title");
        count.setId("groupInfoCount");
        count.getStyleClass().add("hint");
        HBox header = new HBox(12, avatar, new VBox(2, title, count));
        header.setAlignment(Pos.CENTER_LEFT);

        renameField.setId("renameField");
        renameField.setPromptText(messages.get("groups.info.renamePrompt"));
        HBox.setHgrow(renameField, Priority.ALWAYS);
        Button rename = new Button(messages.get("groups.info.rename"));
        rename.setId("renameGroup");
        rename.setOnAction(e -> vm.rename(renameField.getText()));
        renameRow = new HBox(8, renameField, rename);

        invite = new Button(messages.get("groups.info.invite"));
        invite.setId("inviteLinkButton");
        invite.setOnAction(e -> openInvite.run());

        Label membersLabel = new Label(messages.get("groups.info.members"));
        membersLabel.getStyleClass().add("group-section");
        ScrollPane scroller = new ScrollPane(members);
        scroller.setFitToWidth(true);
        scroller.setPrefViewportHeight(200);
        scroller.getStyleClass().add("dialog-scroller");

        Label addLabel = new Label(messages.get("groups.info.add"));
        addLabel.getStyleClass().add("group-section");
        Button add = new Button(messages.get("groups.info.addButton"));
        add.setId("addMembers");
        add.setOnAction(e -> vm.add(addChoices.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList()));
        addSection = new VBox(4, addLabel, addRows, add);

        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        leave = new Button(messages.get("groups.info.leave"));
        leave.setId("leaveGroup");
        leave.getStyleClass().add("danger");
        leave.setOnAction(e -> vm.leave());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button done = new Button(messages.get("people.close"));
        done.setId("groupInfoDone");
        done.getStyleClass().add("accent");
        done.setDefaultButton(true);
        done.setOnAction(e -> close.run());
        HBox buttons = new HBox(8, leave, spacer, done);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(header, renameRow, invite, requests, membersLabel, scroller, addSection, error, buttons);
        disableProperty().bind(vm.workingProperty());
        vm.detailsProperty().addListener((obs, was, now) -> show(now));
        vm.addable().addListener((ListChangeListener<String>) c -> showAddable());
        show(vm.detailsProperty().get());
        showAddable();
    }

    private void show(GroupsGateway.Details d) {
        boolean admin = d != null && d.meAdmin();
        renameRow.setVisible(admin);
        renameRow.setManaged(admin);
        leave.setVisible(d != null && d.active());
        leave.setManaged(leave.isVisible());
        invite.setVisible(admin);
        invite.setManaged(admin);
        showRequests(d);
        if (d == null) {
            return;
        }
        avatar.setName(d.title());
        title.setText(d.title());
        renameField.setText(d.title());
        count.setText(messages.get(dev.parley.desktop.ui.common.GroupView.statusKey(d.active(), d.removed()),
                d.members().size()));
        members.getChildren().clear();
        for (GroupsGateway.Member m : d.members()) {
            members.getChildren().add(row(m, admin));
        }
    }

    /** The join requests waiting for this admin, with Approve and Deny. */
    private void showRequests(GroupsGateway.Details d) {
        requests.getChildren().clear();
        if (d == null || d.requests().isEmpty()) {
            requests.setManaged(false);
            return;
        }
        requests.setManaged(true);
        Label heading = new Label(messages.get("groups.info.requests"));
        heading.getStyleClass().add("group-section");
        requests.getChildren().add(heading);
        for (String username : d.requests()) {
            AvatarView face = new AvatarView(true);
            face.setName(username);
            Label name = new Label(username);
            name.getStyleClass().add("group-member-name");
            HBox.setHgrow(name, Priority.ALWAYS);
            name.setMaxWidth(Double.MAX_VALUE);
            Button approve = new Button(messages.get("groups.info.approve"));
            approve.setId("approve-" + username);
            approve.getStyleClass().add("accent");
            approve.setOnAction(e -> vm.approve(username));
            Button deny = new Button(messages.get("groups.info.deny"));
            deny.setId("deny-" + username);
            deny.setOnAction(e -> vm.deny(username));
            HBox row = new HBox(face, name, approve, deny);
            row.getStyleClass().add("group-member-row");
            requests.getChildren().add(row);
        }
    }

    private HBox row(GroupsGateway.Member m, boolean meAdmin) {
        AvatarView face = new AvatarView(true);
        face.setName(m.username());
        Label name = new Label(m.me() ? messages.get("groups.info.you", m.username()) : m.username());
        name.getStyleClass().add("group-member-name");
        Label role = new Label(m.admin() ? messages.get("groups.info.admin") : "");
        role.setId("role-" + m.username());
        role.getStyleClass().add("group-role");
        VBox text = new VBox(1, name, role);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(face, text);
        row.getStyleClass().add("group-member-row");
        if (meAdmin && !m.me()) {
            Button admin = new Button(messages.get(m.admin() ? "groups.info.unmakeAdmin" : "groups.info.makeAdmin"));
            admin.setId("admin-" + m.username());
            admin.setOnAction(e -> vm.setAdmin(m.username(), !m.admin()));
            Button remove = new Button(messages.get("groups.info.remove"));
            remove.setId("remove-" + m.username());
            remove.getStyleClass().add("danger");
            remove.setOnAction(e -> vm.remove(m.username()));
            row.getChildren().addAll(admin, remove);
        }
        return row;
    }

    private void showAddable() {
        addRows.getChildren().clear();
        addChoices.clear();
        for (String username : vm.addable()) {
            CheckBox pick = new CheckBox(username);
            pick.setId("add-" + username);
            addChoices.add(pick);
            addRows.getChildren().add(pick);
        }
        boolean shown = !vm.addable().isEmpty();
        addSection.setVisible(shown);
        addSection.setManaged(shown);
    }
}
