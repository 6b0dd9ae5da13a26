package dev.parley.desktop.ui;

import dev.parley.desktop.ui.main.NotificationPolicy;
import dev.parley.desktop.ui.main.Notifier;
import javafx.animation.PauseTransition;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Desktop notifications as a small always-on-top toast in the screen's bottom-right corner that disappears after a
 * few seconds (JavaFX has no system notification API, and AWT's tray is missing on many Linux desktops).
 */
final class ToastNotifier implements Notifier {
    private static final Duration SHOWN_FOR = Duration.seconds(5);

    private final Window owner;
    private final java.util.function.Consumer<Scene> styler;
    private Stage current;

    ToastNotifier(Window owner, java.util.function.Consumer<Scene> styler) {
        this.owner = owner;
        this.styler = styler;
    }

    @Override
    public void show(NotificationPolicy.Notification notification) {
        if (current != null) {
            current.close();
        }
        Label title = new Label(notification.title());
        title.getStyleClass().add("conversation-name");
        VBox box = new VBox(4, title);
        if (!notification.body().isEmpty()) {
            Label body = new Label(notification.body());
            body.getStyleClass().add("conversation-preview");
            body.setWrapText(true);
            body.setMaxWidth(300);
            box.getChildren().add(body);
        }
        box.getStyleClass().addAll("card", "toast");
        box.setStyle("-fx-padding: 14px 18px;");
        Scene scene = new Scene(box);
        styler.accept(scene);
        Stage stage = new Stage(StageStyle.UNDECORATED);
        stage.initOwner(owner);
        stage.setAlwaysOnTop(true);
        stage.setScene(scene);
        stage.setTitle(notification.title());
        stage.setOnShown(e -> {
            Rectangle2D bounds = Screen.getPrimary().getVisualBounds();
            stage.setX(bounds.getMaxX() - stage.getWidth() - 16);
            stage.setY(bounds.getMaxY() - stage.getHeight() - 16);
        });
        box.setOnMouseClicked(e -> {
            stage.close();
            if (owner instanceof Stage) {
                ((Stage) owner).toFront();
            }
        });
        current = stage;
        stage.show();
        PauseTransition wait = new PauseTransition(SHOWN_FOR);
        wait.setOnFinished(e -> stage.close());
        wait.play();
    }
}
