package dev.parley.desktop.ui.contacts;

import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/** Glue between {@code add_contact.fxml} and {@link AddContactViewModel}. */
public final class AddContactController {
    private final AddContactViewModel vm;
    private final Runnable close;

    @FXML private TextField username;
    @FXML private Label hint;
    @FXML private Label error;
    @FXML private Button addButton;
    @FXML private ProgressIndicator progress;

    public AddContactController(AddContactViewModel vm, Runnable close) {
        this.vm = Objects.requireNonNull(vm);
        this.close = Objects.requireNonNull(close);
    }

    @FXML
    private void initialize() {
        username.textProperty().bindBidirectional(vm.usernameProperty());
        hint.textProperty().bind(vm.hintBinding());
        hint.visibleProperty().bind(vm.hintBinding().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(vm.errorProperty()));
        error.managedProperty().bind(error.visibleProperty());
        addButton.disableProperty().bind(vm.canAddBinding().not());
        progress.visibleProperty().bind(vm.busyProperty());
        Platform.runLater(username::requestFocus);
    }

    @FXML
    private void add() {
        vm.add();
    }

    @FXML
    private void cancel() {
        close.run();
    }
}
