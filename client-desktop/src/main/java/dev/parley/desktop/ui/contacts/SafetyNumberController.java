package dev.parley.desktop.ui.contacts;

import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;

/** Glue between {@code safety_number.fxml} and {@link SafetyNumberViewModel}. */
public final class SafetyNumberController {
    private static final int QR_PIXELS = 200;

    private final SafetyNumberViewModel vm;
    private final UserMessages messages;
    private final Runnable close;

    @FXML private Label title;
    @FXML private Label explanation;
    @FXML private GridPane digits;
    @FXML private ImageView qr;
    @FXML private Button verifyButton;
    @FXML private Label verifiedLabel;
    @FXML private Button clearButton;
    @FXML private Button closeButton;
    @FXML private Label error;

    public SafetyNumberController(SafetyNumberViewModel vm, UserMessages messages, Runnable close) {
        this.vm = Objects.requireNonNull(vm);
        this.messages = Objects.requireNonNull(messages);
        this.close = Objects.requireNonNull(close);
    }

    @FXML
    private void initialize() {
        title.setText(messages.get("safety.title", vm.contact()));
        explanation.setText(messages.get("safety.text", vm.contact()));
        vm.groups().addListener((ListChangeListener<String>) c -> showDigits());
        vm.qrProperty().addListener((obs, was, now) -> qr.setImage(paint(now)));
        verifyButton.visibleProperty().bind(vm.verifiedProperty().not());
        verifyButton.managedProperty().bind(verifyButton.visibleProperty());
        verifiedLabel.setText(messages.get("safety.verified", vm.contact()));
        verifiedLabel.visibleProperty().bind(vm.verifiedProperty());
        verifiedLabel.managedProperty().bind(verifiedLabel.visibleProperty());
        clearButton.visibleProperty().bind(vm.verifiedProperty());
        clearButton.managedProperty().bind(clearButton.visibleProperty());
        // the button that had the focus disappears: give it to Close, not to the other of verify/clear, so that a
        // second Space or Enter does not undo what the first did
        vm.verifiedProperty().addListener((obs, was, now) -> closeButton.requestFocus());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(vm.errorProperty()));
        error.managedProperty().bind(error.visibleProperty());
        vm.load();
    }

    private void showDigits() {
        digits.getChildren().clear();
        for (int i = 0; i < vm.groups().size(); i++) {
            digits.add(new Label(vm.groups().get(i)), i % 4, i / 4);
        }
    }

    private static WritableImage paint(QrMatrix matrix) {
        if (matrix == null) {
            return null;
        }
        int scale = Math.max(1, QR_PIXELS / matrix.size());
        int side = matrix.size() * scale;
        WritableImage image = new WritableImage(side, side);
        PixelWriter w = image.getPixelWriter();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                w.setColor(x, y, matrix.dark(x / scale, y / scale) ? Color.BLACK : Color.WHITE);
            }
        }
        return image;
    }

    @FXML
    private void markVerified() {
        vm.markVerified();
    }

    @FXML
    private void clearVerification() {
        vm.clearVerification();
    }

    @FXML
    private void close() {
        close.run();
    }
}
