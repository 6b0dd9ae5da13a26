package dev.parley.desktop.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** A round avatar with initials, coloured by name. */
public final class AvatarView extends StackPane {
    private final Label initials = new Label();

    public AvatarView(boolean small) {
        getStyleClass().add("avatar");
        if (small) {
            getStyleClass().add("small");
        }
        getChildren().add(initials);
    }

    /** Shows {@code name}'s initials in its colour. */
    public void setName(String name) {
        initials.setText(Avatars.initials(name));
        getStyleClass().removeIf(c -> c.startsWith("avatar-"));
        getStyleClass().add("avatar-" + Avatars.colorIndex(name));
    }
}
