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

    /** A group's avatar is a rounded square, a person's a circle. */
    public void setGroup(boolean group) {
        if (group != getStyleClass().contains("group")) {
            if (group) {
                getStyleClass().add("group");
            } else {
                getStyleClass().remove("group");
            }
        }
    }

    /** Shows {@code name}'s initials in its colour. */
    public void setName(String name) {
        initials.setText(Avatars.initials(name));
        getStyleClass().removeIf(c -> c.startsWith("avatar-"));
        getStyleClass().add("avatar-" + Avatars.colorIndex(name));
    }
}
