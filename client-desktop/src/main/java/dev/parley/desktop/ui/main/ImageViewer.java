package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.UserMessages;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/**
 * The full image of a message (decrypted in memory, never on disk), scaled to fit the screen, with "Save as".
 */
final class ImageViewer {
    private static final double MAX_WIDTH = 1000;
    private static final double MAX_HEIGHT = 700;

    private ImageViewer() {
    }

    static void show(Node owner, String title, Image image, UserMessages messages, Runnable saveAs) {
        ImageView view = new ImageView(image);
        view.setPreserveRatio(true);
        double scale = Math.min(1, Math.min(MAX_WIDTH / image.getWidth(), MAX_HEIGHT / image.getHeight()));
        view.setFitWidth(image.getWidth() * scale);
        view.setFitHeight(image.getHeight() * scale);
        view.setId("viewedImage");
        ScrollPane pane = new ScrollPane(view);
        pane.setPrefViewportWidth(image.getWidth() * scale);
        pane.setPrefViewportHeight(image.getHeight() * scale);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.getDialogPane().setContent(pane);
        ButtonType save = new ButtonType(messages.get("attachment.saveAs"), ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        dialog.getDialogPane().setId("imageViewer");
        dialog.setResizable(true);
        dialog.setResultConverter(button -> button);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == save) {
                saveAs.run();
            }
        });
        dialog.show();
    }
}
