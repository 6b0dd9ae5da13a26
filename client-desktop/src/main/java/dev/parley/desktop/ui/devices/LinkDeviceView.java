package dev.parley.desktop.ui.devices;

import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.contacts.QrMatrix;
import dev.parley.desktop.ui.people.ContactLinkView;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The "Link a new device" dialog (issue #17): the QR code of the link, the short code and the link itself while it
 * waits; then the new device's name with "Link this device"; then the outcome. Cancel stops it at any step before
 * the confirmation.
 */
public final class LinkDeviceView extends VBox {

    public LinkDeviceView(LinkDeviceViewModel vm, UserMessages messages, Runnable close) {
        super(12);
        getStyleClass().addAll("dialog-pane-root", "link-device-dialog");
        setPrefWidth(480);
        Label title = new Label(messages.get("devices.link.title"));
        title.getStyleClass().add("dialog-title");
        Label explain = new Label(messages.get("devices.link.text"));
        explain.getStyleClass().add("subtitle");
        explain.setWrapText(true);
        explain.setMinHeight(Label.USE_PREF_SIZE);

        ImageView qr = new ImageView();
        qr.setId("linkQr");
        vm.linkProperty().addListener((obs, was, now) -> qr.setImage(now.isEmpty() ? null
                : ContactLinkView.paint(QrMatrix.encode(now))));
        StackPane frame = new StackPane(qr);
        frame.getStyleClass().add("qr-frame");
        frame.setMaxWidth(StackPane.USE_PREF_SIZE);
        HBox qrRow = new HBox(frame);
        qrRow.setAlignment(Pos.CENTER);
        Label codeLabel = fieldLabel(messages.get("devices.link.code"));
        Label code = new Label();
        code.setId("linkCode");
        code.getStyleClass().add("link-code");
        code.textProperty().bind(vm.codeProperty());
        Label linkLabel = fieldLabel(messages.get("devices.link.link"));
        TextField link = new TextField();
        link.setId("linkUri");
        link.setEditable(false);
        link.textProperty().bind(vm.linkProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        Label waitingText = new Label(messages.get("devices.link.waiting"));
        waitingText.getStyleClass().add("hint");
        HBox waiting = new HBox(8, spinner, waitingText);
        waiting.setAlignment(Pos.CENTER_LEFT);
        VBox codeBox = new VBox(6, qrRow, codeLabel, code, linkLabel, link, waiting);
        showWhile(codeBox, vm.stepProperty().isEqualTo(LinkDeviceViewModel.Step.WAITING));

        Label question = new Label();
        question.setId("linkQuestion");
        question.setWrapText(true);
        question.setMinHeight(Label.USE_PREF_SIZE);
        question.getStyleClass().add("link-question");
        question.textProperty().bind(Bindings.createStringBinding(() -> messages.get("devices.link.confirm",
                printable(vm.deviceNameProperty().get())), vm.deviceNameProperty()));
        Label caution = new Label(messages.get("devices.link.caution"));
        caution.getStyleClass().add("hint");
        caution.setWrapText(true);
        caution.setMinHeight(Label.USE_PREF_SIZE);
        Button confirm = new Button(messages.get("devices.link.confirmButton"));
        confirm.setId("confirmLink");
        confirm.getStyleClass().add("accent");
        confirm.setDefaultButton(true);
        confirm.setOnAction(e -> vm.confirm());
        javafx.scene.control.CheckBox withHistory = new javafx.scene.control.CheckBox(
                messages.get("devices.link.withHistory"));
        withHistory.setId("linkWithHistory");
        withHistory.setWrapText(true);
        withHistory.selectedProperty().bindBidirectional(vm.withHistoryProperty());
        VBox confirmBox = new VBox(8, question, caution, withHistory, confirm);
        showWhile(confirmBox, vm.stepProperty().isEqualTo(LinkDeviceViewModel.Step.CONFIRM));

        ProgressIndicator linkingSpinner = new ProgressIndicator();
        linkingSpinner.setPrefSize(20, 20);
        Label linkingText = new Label(messages.get("devices.link.linking"));
        linkingText.getStyleClass().add("hint");
        HBox linking = new HBox(8, linkingSpinner, linkingText);
        linking.setAlignment(Pos.CENTER_LEFT);
        showWhile(linking, vm.stepProperty().isEqualTo(LinkDeviceViewModel.Step.LINKING)
                .or(vm.stepProperty().isEqualTo(LinkDeviceViewModel.Step.STARTING)));

        ProgressIndicator historySpinner = new ProgressIndicator();
        historySpinner.setPrefSize(20, 20);
        Label historyText = new Label();
        historyText.setId("historyProgress");
        historyText.getStyleClass().add("hint");
        historyText.setWrapText(true);
        historyText.textProperty().bind(vm.historyProperty());
        HBox sendingHistory = new HBox(8, historySpinner, historyText);
        sendingHistory.setAlignment(Pos.CENTER_LEFT);
        showWhile(sendingHistory, vm.stepProperty().isEqualTo(LinkDeviceViewModel.Step.SENDING_HISTORY));
        Label historyOutcome = new Label();
        historyOutcome.setId("historyOutcome");
        historyOutcome.setWrapText(true);
        historyOutcome.setMinHeight(Label.USE_PREF_SIZE);
        historyOutcome.textProperty().bind(vm.historyProperty());
        showWhile(historyOutcome, vm.stepProperty().isEqualTo(LinkDeviceViewModel.Step.DONE)
                .and(vm.historyProperty().isNotEmpty()));
        Button retryHistory = new Button(messages.get("devices.link.retryHistory"));
        retryHistory.setId("retryHistory");
        retryHistory.setOnAction(e -> vm.retryHistory());
        showWhile(retryHistory, vm.historyStoppedProperty().and(vm.stepProperty()
                .isEqualTo(LinkDeviceViewModel.Step.DONE)));

        Label done = new Label();
        done.setId("linkDoneText");
        done.setWrapText(true);
        done.setMinHeight(Label.USE_PREF_SIZE);
        done.textProperty().bind(Bindings.createStringBinding(() -> messages.get("devices.link.done",
                printable(vm.deviceNameProperty().get())), vm.deviceNameProperty()));
        showWhile(done, vm.stepProperty().isEqualTo(LinkDeviceViewModel.Step.DONE));

        Label error = new Label();
        error.setId("linkError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMinHeight(Label.USE_PREF_SIZE);
        error.textProperty().bind(vm.errorProperty());
        showWhile(error, vm.errorProperty().isNotEmpty());

        Button cancel = new Button(messages.get("devices.link.cancel"));
        cancel.setId("cancelLink");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            vm.cancel();
            close.run();
        });
        BooleanBinding over = vm.stepProperty().isEqualTo(LinkDeviceViewModel.Step.DONE)
                .or(vm.stepProperty().isEqualTo(LinkDeviceViewModel.Step.FAILED));
        showWhile(cancel, over.not().and(vm.stepProperty().isNotEqualTo(LinkDeviceViewModel.Step.LINKING)));
        // while the history goes, Cancel stops it (what is queued still arrives; Retry or send-history go on)
        Button close2 = new Button(messages.get("people.close"));
        close2.setId("linkClose");
        close2.getStyleClass().add("accent");
        close2.setOnAction(e -> close.run());
        showWhile(close2, over);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, spacer, cancel, close2);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        HBox historyButtons = new HBox(10, retryHistory);
        historyButtons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, explain, codeBox, confirmBox, linking, sendingHistory, done, historyOutcome,
                historyButtons, error, buttons);
    }

    /** A name as the other device gave it, with control characters made visible. */
    static String printable(String name) {
        return name == null ? "" : name.replaceAll("\\p{Cntrl}", "?");
    }

    private static Label fieldLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    private static void showWhile(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
