package dev.parley.desktop.ui.unlock;

import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The create-profile form: username (checked as typed), passphrase with strength feedback and confirmation, and the
 * relay choice (run one here, or connect to one with address, optional certificate pin and invite code).
 */
public final class OnboardingViewModel {
    private final ProfileGateway gateway;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final String profile;

    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty passphrase = new SimpleStringProperty(this, "passphrase", "");
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final ObjectProperty<RelayChoice> relayChoice = new SimpleObjectProperty<>(this, "relayChoice", RelayChoice.EMBEDDED);
    private final StringProperty relayAddress = new SimpleStringProperty(this, "relayAddress", "");
    private final StringProperty certificatePin = new SimpleStringProperty(this, "certificatePin", "");
    private final StringProperty inviteCode = new SimpleStringProperty(this, "inviteCode", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private final ObjectBinding<PassphraseStrength> strength;
    private final StringBinding usernameHint;
    private final StringBinding confirmationHint;
    private final StringBinding relayHint;
    private final BooleanBinding canCreate;
    private final ObjectProperty<Runnable> onCreated = new SimpleObjectProperty<>(this, "onCreated");

    /**
     * @param profile the profile directory name the new profile goes into ("alice" for {@code --profile alice}), or
     *                empty to name it after the username
     */
    public OnboardingViewModel(String profile, ProfileGateway gateway, BackgroundTasks tasks, UserMessages messages) {
        this.profile = Objects.requireNonNull(profile);
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        strength = Bindings.createObjectBinding(() -> PassphraseStrength.of(passphrase.get()), passphrase);
        usernameHint = Bindings.createStringBinding(() -> username.get().isEmpty() ? ""
                : UsernameFeedback.problem(username.get()).map(messages::get).orElse(""), username);
        confirmationHint = Bindings.createStringBinding(() ->
                confirmation.get().isEmpty() || confirmation.get().equals(passphrase.get()) ? ""
                        : messages.get("passphrase.mismatch"), passphrase, confirmation);
        relayHint = Bindings.createStringBinding(() -> relayChoice.get() == RelayChoice.EMBEDDED
                || relayAddress.get().isBlank() ? "" : remoteProblem().orElse(""),
                relayChoice, relayAddress, certificatePin);
        canCreate = Bindings.createBooleanBinding(() -> UsernameFeedback.problem(username.get()).isEmpty()
                        && strength.get().acceptable()
                        && confirmation.get().equals(passphrase.get())
                        && (relayChoice.get() == RelayChoice.EMBEDDED
                            || !relayAddress.get().isBlank() && remoteProblem().isEmpty())
                        && !tasks.busyProperty().get(),
                username, strength, passphrase, confirmation, relayChoice, relayAddress, certificatePin, tasks.busyProperty());
        if (profile.matches("[a-z0-9][a-z0-9._-]{2,31}")) {
            username.set(profile);
        }
    }

    public String profile() {
        return profile;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public ObjectProperty<RelayChoice> relayChoiceProperty() {
        return relayChoice;
    }

    public StringProperty relayAddressProperty() {
        return relayAddress;
    }

    public StringProperty certificatePinProperty() {
        return certificatePin;
    }

    public StringProperty inviteCodeProperty() {
        return inviteCode;
    }

    public ObjectBinding<PassphraseStrength> strengthBinding() {
        return strength;
    }

    /** Why the username would be refused; empty while acceptable or empty. */
    public StringBinding usernameHintBinding() {
        return usernameHint;
    }

    /** "Passphrases do not match" while the confirmation differs; empty otherwise. */
    public StringBinding confirmationHintBinding() {
        return confirmationHint;
    }

    /** Why the remote relay address would be refused; empty otherwise. */
    public StringBinding relayHintBinding() {
        return relayHint;
    }

    public BooleanBinding canCreateBinding() {
        return canCreate;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Runs after the profile was created and unlocked. */
    public ObjectProperty<Runnable> onCreatedProperty() {
        return onCreated;
    }

    /**
     * Another profile on this computer runs a relay at {@code address}: preselect "Connect to a relay" with it, so
     * a second profile joins the first one's relay by default.
     */
    public void suggestLocalRelay(String address) {
        relayAddress.set(address);
        relayChoice.set(RelayChoice.REMOTE);
    }

    /** Creates the profile in the background; on success runs {@link #onCreatedProperty()}. */
    public void create() {
        if (!canCreate.get()) {
            return;
        }
        NewProfile request = new NewProfile(username.get(), passphrase.get().toCharArray(), relayChoice.get(),
                relayChoice.get() == RelayChoice.REMOTE ? Optional.of(parseRemote()) : Optional.empty(),
                inviteCode.get().isBlank() ? Optional.empty() : Optional.of(inviteCode.get().strip()));
        error.set("");
        passphrase.set("");
        confirmation.set("");
        String target = profile.isEmpty() ? request.username() : profile;
        tasks.runVoid(() -> gateway.create(target, request), () -> {
            Runnable r = onCreated.get();
            if (r != null) {
                r.run();
            }
        }, e -> error.set(messages.describe(e)));
    }

    private Optional<String> remoteProblem() {
        try {
            parseRemote();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private RelayAddress parseRemote() {
        String pin = certificatePin.get().strip();
        return RelayAddress.parse(relayAddress.get().strip(), pin.isEmpty() ? null : pin);
    }
}
