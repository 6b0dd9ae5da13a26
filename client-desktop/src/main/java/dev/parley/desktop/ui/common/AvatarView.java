package dev.parley.desktop.ui.common;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;

/**
 * A round avatar: the contact's image if they shared one, else initials coloured by username; with a presence dot
 * (online / offline) when their presence is known (issue #14).
 */
public final class AvatarView extends StackPane {
    /** The avatar colours: {@code .avatar:colour-0} ... in the stylesheet. */
    private static final PseudoClass[] COLOURS = java.util.stream.IntStream.range(0, Avatars.PALETTE_SIZE)
            .mapToObj(i -> PseudoClass.getPseudoClass("colour-" + i)).toArray(PseudoClass[]::new);
    private static final PseudoClass ONLINE = PseudoClass.getPseudoClass("online");
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    private final Label initials = new Label();
    private final ImageView image = new ImageView();
    private final Circle dot = new Circle(5);
    private final double size;

    public AvatarView(boolean small) {
        this(small ? 34 : 42, small ? "small" : null);
    }

    /** A 64-pixel avatar: the own picture's preview in Settings, round like every other (issue #14). */
    public static AvatarView large() {
        return new AvatarView(64, "large");
    }

    private AvatarView(double size, String sizeClass) {
        this.size = size;
        getStyleClass().add("avatar");
        if (sizeClass != null) {
            getStyleClass().add(sizeClass);
        }
        image.setFitWidth(size);
        image.setFitHeight(size);
        image.setPreserveRatio(false);
        image.setSmooth(true);
        image.setClip(new Circle(size / 2, size / 2, size / 2));
        image.setVisible(false);
        dot.getStyleClass().add("presence-dot");
        dot.setVisible(false);
        dot.setManaged(false);
        dot.setLayoutX(size - 6);
        dot.setLayoutY(size - 6);
        StackPane.setAlignment(dot, Pos.BOTTOM_RIGHT);
        getChildren().addAll(initials, image, dot);
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

    /** Shows {@code name}'s initials in its colour (no image, no presence). */
    public void setName(String name) {
        setLook(ContactLook.plain(name));
    }

    /**
     * Shows the look: its image, or the shown name's initials in the username's colour; and its presence dot. The
     * colour and the dot's state are pseudo-classes, not style classes: a list row shows another person on every
     * scroll step and filter keystroke, and a changed style class makes JavaFX look up every style of the subtree
     * again, where a pseudo-class only switches between styles it already found (issue #14).
     */
    public void setLook(ContactLook look) {
        initials.setText(Avatars.initials(look.shown()));
        int colour = Avatars.colorIndex(look.username());
        for (int i = 0; i < COLOURS.length; i++) {
            pseudoClassStateChanged(COLOURS[i], i == colour);
        }
        image.setImage(look.avatar().orElse(null));
        image.setVisible(look.avatar().isPresent());
        initials.setVisible(look.avatar().isEmpty());
        dot.setVisible(look.presence() != ContactLook.Presence.NONE);
        dot.pseudoClassStateChanged(ONLINE, look.presence() == ContactLook.Presence.ONLINE);
        dot.pseudoClassStateChanged(OFFLINE, look.presence() != ContactLook.Presence.ONLINE);
    }

    /**
     * Blurs the image (not the initials): a message request's avatar stays blurred until the user accepts or asks to
     * see it (issue #14, docs/protocol.md 1.12), since a stranger chooses what it shows.
     */
    public void setBlurred(boolean blurred) {
        image.setEffect(blurred ? new javafx.scene.effect.GaussianBlur(size / 3) : null);
    }

    /** Whether the image is blurred (for tests). */
    public boolean isBlurred() {
        return image.getEffect() != null;
    }

    /** Whether an image (rather than initials) shows (for tests). */
    public boolean showsImage() {
        return image.isVisible();
    }

    /** Whether the presence dot shows as online (for tests). */
    public boolean showsOnline() {
        return dot.isVisible() && dot.getPseudoClassStates().contains(ONLINE);
    }
}
