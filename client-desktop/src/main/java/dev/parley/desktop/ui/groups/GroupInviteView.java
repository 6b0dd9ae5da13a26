package dev.parley.desktop.ui.groups;

import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.contacts.QrMatrix;
import dev.parley.desktop.ui.people.ContactLinkView;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A group's invite link and settings (issue #15, admins): the link as text and QR code (shown on request, which turns
 * it on), turning it off, approval of join requests, announcement-only.
 */
public final class GroupInviteView extends VBox {
    private final GroupInfoViewModel vm;
    private final CheckBox approval;
    private final CheckBox announcements;
    private boolean showing;

    public GroupInviteView(GroupInfoViewModel vm, UserMessages messages, Runnable close) {
        this.vm = vm;
        getStyleClass().addAll("dialog-pane-root", "group-dialog");
        setPrefWidth(440);
        Label heading = new Label(messages.get("groups.invite.title"));
        heading.getStyleClass().add("dialog-title");
        Label explain = new Label(messages.get("groups.invite.text"));
        explain.getStyleClass().add("subtitle");
        explain.setWrapText(true);
        explain.setMinHeight(Label.USE_PREF_SIZE);
        TextField link = new TextField();
        link.setId("inviteLink");
        link.setEditable(false);
        link.textProperty().bind(vm.linkProperty());
        ImageView qr = new ImageView();
        qr.setId("inviteQr");
        vm.linkProperty().addListener((obs, was, now) -> qr.setImage(now.isEmpty() ? null
                : ContactLinkView.paint(QrMatrix.encode(now))));
        StackPane frame = new StackPane(qr);
        frame.getStyleClass().add("qr-frame");
        HBox qrRow = new HBox(frame);
        qrRow.setAlignment(Pos.CENTER);
        for (javafx.scene.Node n : new javafx.scene.Node[] {link, qrRow}) {
            n.visibleProperty().bind(vm.linkProperty().isNotEmpty());
            n.managedProperty().bind(n.visibleProperty());
        }
        Button show = new Button(messages.get("groups.invite.show"));
        show.setId("showInviteLink");
        show.getStyleClass().add("accent");
        show.setOnAction(e -> vm.showLink());
        Button revoke = new Button(messages.get("groups.invite.revoke"));
        revoke.setId("revokeInviteLink");
        revoke.getStyleClass().add("danger");
        revoke.setOnAction(e -> vm.revokeLink());
        HBox linkButtons = new HBox(8, show, revoke);
        approval = new CheckBox(messages.get("groups.invite.approval"));
        approval.setId("approvalToggle");
        approval.setOnAction(e -> vm.setApproval(approval.isSelected()));
        announcements = new CheckBox(messages.get("groups.invite.announcements"));
        announcements.setId("announcementsToggle");
        announcements.setOnAction(e -> vm.setAnnouncements(announcements.isSelected()));
        Label settings = new Label(messages.get("groups.invite.settings"));
        settings.getStyleClass().add("group-section");
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Button done = new Button(messages.get("people.close"));
        done.setId("inviteDone");
        done.setDefaultButton(true);
        done.setOnAction(e -> close.run());
        HBox buttons = new HBox(done);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(heading, explain, link, qrRow, linkButtons, settings, approval, announcements, error,
                buttons);
        disableProperty().bind(vm.workingProperty());
        vm.detailsProperty().addListener((obs, was, now) -> show(now, revoke));
        show(vm.detailsProperty().get(), revoke);
    }

    private void show(GroupsGateway.Details d, Button revoke) {
        if (d == null || showing) {
            return;
        }
        showing = true;
        approval.setSelected(d.approval());
        announcements.setSelected(d.announcements());
        revoke.setDisable(!d.linkOn());
        showing = false;
    }
}
