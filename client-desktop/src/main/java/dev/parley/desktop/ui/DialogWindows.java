package dev.parley.desktop.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.Pane;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The app's dialog windows: modal over the main window, styled like it, closed by Escape, sized to their content
 * and kept on the screen.
 */
final class DialogWindows {
    private final Stage owner;
    private final Consumer<Scene> style;
    private final List<Stage> open = new ArrayList<>();

    DialogWindows(Stage owner, Consumer<Scene> style) {
        this.owner = Objects.requireNonNull(owner);
        this.style = Objects.requireNonNull(style);
    }

    /** A new dialog window (not shown yet). */
    Stage create(String title) {
        Stage dialog = new Stage();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(title);
        dialog.setResizable(false);
        dialog.setOnHidden(e -> open.remove(dialog));
        open.add(dialog);
        return dialog;
    }

    /** Shows {@code root} in {@code dialog}; Escape closes it. */
    void show(Stage dialog, Parent root) {
        Scene s = new Scene(root);
        style.accept(s);
        s.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), dialog::close);
        dialog.setScene(s);
        followContent(root, dialog);
        dialog.show();
        keepOnScreen(dialog);
    }

    /** The open dialogs. */
    List<Stage> open() {
        return List.copyOf(open);
    }

    void closeAll() {
        for (Stage d : List.copyOf(open)) {
            d.close();
        }
    }

    /** The usable area of the screen the main window is on. */
    Rectangle2D screenBounds() {
        return Screen.getScreensForRectangle(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()),
                Math.max(1, owner.getHeight())).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
    }

    /** Moves a dialog that reaches below the screen's usable area up into it. */
    private void keepOnScreen(Stage dialog) {
        Rectangle2D bounds = screenBounds();
        if (dialog.getY() + dialog.getHeight() > bounds.getMaxY()) {
            dialog.setY(Math.max(bounds.getMinY(), bounds.getMaxY() - dialog.getHeight()));
        }
    }

    /** Dialogs fill in asynchronously (safety number, errors): the window follows its content's size. */
    private static void followContent(Node node, Stage dialog) {
        InvalidationListener resize = o -> Platform.runLater(dialog::sizeToScene);
        node.visibleProperty().addListener(resize);
        if (node instanceof Labeled) {
            ((Labeled) node).textProperty().addListener(resize);
        } else if (node instanceof ImageView) {
            ((ImageView) node).imageProperty().addListener(resize);
        } else if (node instanceof Pane) {
            Pane pane = (Pane) node;
            pane.getChildren().addListener(resize);
            for (Node child : pane.getChildren()) {
                followContent(child, dialog);
            }
        }
    }
}
