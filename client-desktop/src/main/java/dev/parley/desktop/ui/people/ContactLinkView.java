package dev.parley.desktop.ui.people;

import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.contacts.QrMatrix;
import java.io.File;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;

/** "My contact link" (issue #14): the link to copy, its QR code, and Save as PNG. */
public final class ContactLinkView extends VBox {
    private static final int QR_PIXELS = 240;

    /** @param choosePngFile opens a save dialog over the window (null when cancelled) */
    public ContactLinkView(ContactLinkViewModel vm, UserMessages messages, Runnable close,
                           Function<Window, File> choosePngFile) {
        getStyleClass().add("dialog-pane-root");
        setPrefWidth(480);
        Label title = new Label(messages.get("people.link.title"));
        title.getStyleClass().add("dialog-title");
        Label explain = new Label(messages.get("people.link.text"));
        explain.getStyleClass().add("subtitle");
        explain.setWrapText(true);
        explain.setMinHeight(Label.USE_PREF_SIZE);
        TextField link = new TextField();
        link.setId("contactLink");
        link.setEditable(false);
        link.textProperty().bind(vm.linkProperty());
        ImageView qr = new ImageView();
        qr.setId("contactLinkQr");
        vm.qrProperty().addListener((obs, was, now) -> qr.setImage(paint(now)));
        StackPane frame = new StackPane(qr);
        frame.getStyleClass().add("qr-frame");
        frame.setMaxWidth(StackPane.USE_PREF_SIZE);
        HBox qrRow = new HBox(frame);
        qrRow.setAlignment(Pos.CENTER);
        Button copy = new Button(messages.get("people.link.copy"));
        copy.setId("copyLink");
        copy.setOnAction(e -> vm.copy());
        Button save = new Button(messages.get("people.link.save"));
        save.setId("saveQr");
        save.setOnAction(e -> {
            File f = choosePngFile.apply(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                vm.saveAsPng(f.toPath());
            }
        });
        Label status = new Label();
        status.setId("contactLinkStatus");
        status.getStyleClass().add("hint");
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Button done = new Button(messages.get("people.close"));
        done.setId("contactLinkDone");
        done.getStyleClass().add("accent");
        done.setDefaultButton(true);
        done.setOnAction(e -> close.run());
        HBox buttons = new HBox(10, copy, save, status);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox bottom = new HBox(done);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(title, explain, link, qrRow, buttons, error, bottom);
    }

    /** The QR code as an image for the screen (also the group invite link's, issue #15). */
    public static WritableImage paint(QrMatrix matrix) {
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
}
