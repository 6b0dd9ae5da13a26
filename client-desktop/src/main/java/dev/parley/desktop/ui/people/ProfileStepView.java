package dev.parley.desktop.ui.people;

import dev.parley.desktop.ui.common.UserMessages;
import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Window;

/**
 * The onboarding profile step (issue #14): picture, display name and about line, all optional; "Continue" or "Skip".
 * Laid out like the create-profile card it follows.
 */
public final class ProfileStepView extends StackPane {
    private static final double PREVIEW = 72;

    public ProfileStepView(ProfileStepViewModel vm, UserMessages messages, Function<Window, File> chooseImage) {
        Objects.requireNonNull(vm);
        getStyleClass().add("welcome");
        Label title = new Label(messages.get("people.onboarding.title"));
        title.getStyleClass().add("brand");
        Label detail = new Label(messages.get("people.onboarding.detail"));
        detail.getStyleClass().add("subtitle");
        detail.setWrapText(true);

        ImageView preview = new ImageView();
        preview.setId("stepAvatar");
        preview.setFitWidth(PREVIEW);
        preview.setFitHeight(PREVIEW);
        preview.setClip(new Circle(PREVIEW / 2, PREVIEW / 2, PREVIEW / 2));
        vm.avatarFileProperty().addListener((obs, was, now) -> preview.setImage(now == null ? null
                : new Image(now.toUri().toString(), PREVIEW, PREVIEW, false, true, true)));
        Button choose = new Button(messages.get("people.profile.chooseAvatar"));
        choose.setId("stepChooseAvatar");
        choose.setOnAction(e -> {
            File f = chooseImage.apply(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                vm.avatarFileProperty().set(f.toPath());
            }
        });
        Label chosen = new Label();
        chosen.getStyleClass().add("hint");
        chosen.textProperty().bind(Bindings.createStringBinding(() -> {
            Path p = vm.avatarFileProperty().get();
            return p == null ? "" : p.getFileName().toString();
        }, vm.avatarFileProperty()));
        Circle placeholder = new Circle(PREVIEW / 2);
        placeholder.setStyle("-fx-fill: -color-bg-subtle; -fx-stroke: -color-border-default;");
        StackPane avatarHolder = new StackPane(placeholder, preview);
        avatarHolder.setMinSize(PREVIEW, PREVIEW);
        avatarHolder.setMaxSize(PREVIEW, PREVIEW);
        HBox avatarRow = new HBox(14, avatarHolder, new VBox(6, choose, chosen));
        avatarRow.setAlignment(Pos.CENTER_LEFT);

        TextField name = field("stepName", messages.get("people.profile.namePrompt"));
        name.textProperty().bindBidirectional(vm.displayNameProperty());
        TextField about = field("stepAbout", messages.get("people.profile.aboutPrompt"));
        about.textProperty().bindBidirectional(vm.aboutProperty());
        Label error = new Label();
        error.setId("stepError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button save = new Button(messages.get("people.onboarding.continue"));
        save.setId("stepContinue");
        save.getStyleClass().addAll("accent", "primary-action");
        save.setDefaultButton(true);
        save.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(save, Priority.ALWAYS);
        save.setOnAction(e -> vm.save());
        Button skip = new Button(messages.get("people.onboarding.skip"));
        skip.setId("stepSkip");
        skip.setOnAction(e -> vm.skip());
        HBox actions = new HBox(12, save, skip);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label hint = new Label(messages.get("people.profile.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox card = new VBox(14, title, detail, avatarRow, label(messages.get("people.profile.name")), name,
                label(messages.get("people.profile.about")), about, hint, error, actions);
        card.getStyleClass().add("card");
        card.setMaxWidth(480);
        card.setPrefWidth(480);
        card.setMaxHeight(USE_PREF_SIZE);
        setPadding(new Insets(36, 24, 36, 24));
        getChildren().add(card);
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }
}
