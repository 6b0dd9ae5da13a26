package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.UserMessages;
import java.util.function.Consumer;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * The image of a message (decrypted in memory, never on disk), fitted to the screen, with "100%" and "Save as". It
 * opens with the image decoded at about the size it is shown ({@link ViewerImage}); every pixel is decoded only when
 * the user switches to 100%, and dropped again when they switch back.
 */
final class ImageViewer {
    /** The part of the screen's usable area the image may take, leaving room for the dialog's frame and buttons. */
    private static final double SCREEN_SHARE = 0.8;

    /**
     * Where the image is shown: {@code width} x {@code height} in layout units, which is {@code pixelWidth} x
     * {@code pixelHeight} screen pixels (more on a scaled screen).
     */
    record Box(double width, double height, int pixelWidth, int pixelHeight) {
    }

    private ImageViewer() {
    }

    /** The viewer's box on the screen that shows {@code owner}'s window. */
    static Box box(Node owner) {
        Window window = owner.getScene().getWindow();
        Rectangle2D bounds = Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(),
                window.getHeight()).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        double width = Math.max(200, bounds.getWidth() * SCREEN_SHARE);
        double height = Math.max(150, bounds.getHeight() * SCREEN_SHARE - 60);
        return new Box(width, height, (int) Math.ceil(width * window.getOutputScaleX()),
                (int) Math.ceil(height * window.getOutputScaleY()));
    }

    /**
     * Shows {@code fitted} in a dialog over {@code owner}.
     *
     * @param loadFullSize decodes every pixel and calls its argument with them (on the FX thread), for 100%
     */
    static void show(Node owner, String title, ViewerImage fitted, Box box,
                     Consumer<Consumer<ViewerImage>> loadFullSize, UserMessages messages, Runnable saveAs) {
        ImageView view = new ImageView(fitted.image());
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setId("viewedImage");
        double scale = Math.min(1, Math.min(box.width() / fitted.fullWidth(), box.height() / fitted.fullHeight()));
        double fitWidth = fitted.fullWidth() * scale;
        double fitHeight = fitted.fullHeight() * scale;
        fit(view, fitWidth, fitHeight);
        ScrollPane pane = new ScrollPane(view);
        pane.setPannable(true);
        // at least the fitted image (a dialog is otherwise no wider than 600); at 100% it scrolls in that space
        pane.setMinViewportWidth(fitWidth);
        pane.setMinViewportHeight(fitHeight);
        pane.setPrefViewportWidth(fitWidth);
        pane.setPrefViewportHeight(fitHeight);

        ToggleButton actualSize = new ToggleButton(messages.get("attachment.actualSize"));
        actualSize.setId("actualSize");
        actualSize.setDisable(scale >= 1 && fitted.fullSize()); // shown at 100% already
        ViewerImage[] full = {fitted.fullSize() ? fitted : null};
        actualSize.selectedProperty().addListener((obs, was, now) -> {
            if (!now) {
                full[0] = fitted.fullSize() ? fitted : null; // its pixels go
                view.setImage(fitted.image());
                fit(view, fitWidth, fitHeight);
            } else if (full[0] != null) {
                view.setImage(full[0].image());
                fit(view, 0, 0);
            } else {
                actualSize.setDisable(true);
                loadFullSize.accept(image -> {
                    actualSize.setDisable(false);
                    if (actualSize.isSelected()) {
                        full[0] = image;
                        view.setImage(image.image());
                        fit(view, 0, 0);
                    }
                });
            }
        });
        BorderPane content = new BorderPane(pane);
        content.setTop(actualSize);
        BorderPane.setMargin(actualSize, new javafx.geometry.Insets(0, 0, 6, 0));

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.getDialogPane().setContent(content);
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

    /** Shows the view's image in {@code width} x {@code height}; 0 x 0 for its own size (one image pixel each). */
    private static void fit(ImageView view, double width, double height) {
        view.setFitWidth(width);
        view.setFitHeight(height);
    }
}
