package dev.parley.desktop.ui.unlock;

import dev.parley.desktop.ui.common.Navigator;
import dev.parley.desktop.ui.common.UserMessages;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/**
 * The controls every first-run flow of {@link FirstRunFlow} has, bound to it: the profile name, the new passphrase
 * twice with its strength meter and hint, the error and the status line; success opens the main window.
 */
final class FirstRunFields {
    private FirstRunFields() {
    }

    /** The passphrase fields, with the strength meter and the mismatch hint. */
    record Passphrase(PasswordField passphrase, HBox strengthMeter, Label strengthLabel, PasswordField confirmation,
                      Label confirmationHint) {
    }

    static void bind(FirstRunFlow flow, TextField profileName, Passphrase fields, Label error, Label status,
                     Navigator navigator, UserMessages messages) {
        profileName.textProperty().bindBidirectional(flow.profile);
        fields.passphrase().textProperty().bindBidirectional(flow.passphrase);
        fields.confirmation().textProperty().bindBidirectional(flow.confirmation);
        PassphraseFieldsView.showWhenNotEmpty(fields.confirmationHint(), flow.confirmationHint);
        PassphraseFieldsView.showWhenNotEmpty(error, flow.error);
        flow.strength.addListener((obs, was, now) ->
                PassphraseFieldsView.showStrength(fields.strengthMeter(), fields.strengthLabel(), now, messages));
        PassphraseFieldsView.showStrength(fields.strengthMeter(), fields.strengthLabel(), flow.strength.get(), messages);
        status.textProperty().bind(flow.status);
        flow.onDone.set(navigator::showMain);
    }
}
