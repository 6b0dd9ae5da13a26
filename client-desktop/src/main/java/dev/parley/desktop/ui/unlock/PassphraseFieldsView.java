package dev.parley.desktop.ui.unlock;

import dev.parley.desktop.ui.common.UserMessages;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** What the screens that set a new passphrase (onboarding, restore) show the same way: the strength meter and hints. */
final class PassphraseFieldsView {
    private PassphraseFieldsView() {
    }

    /** Lights as many bars of {@code meter} as {@code strength} has and names it in {@code label}. */
    static void showStrength(HBox meter, Label label, PassphraseStrength strength, UserMessages messages) {
        meter.getStyleClass().removeIf(c -> c.startsWith("strength-"));
        meter.getStyleClass().add("strength-" + strength.bars());
        for (int i = 0; i < meter.getChildren().size(); i++) {
            Node bar = meter.getChildren().get(i);
            bar.getStyleClass().remove("on");
            if (i < strength.bars()) {
                bar.getStyleClass().add("on");
            }
        }
        label.setText(messages.get("strength." + strength.name()));
    }

    /** {@code label} shows {@code text} and takes room only while there is some. */
    static void showWhenNotEmpty(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }
}
