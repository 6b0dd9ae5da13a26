package dev.parley.desktop.ui.people;

import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.DesktopHooks;
import dev.parley.desktop.ui.common.UserMessages;
import java.io.File;
import java.time.Clock;
import java.util.Objects;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The people screens of the main window (issue #14), composed without growing the main controller: a bar under the
 * sidebar header ("Requests" with their count, "My contact link"), the presence line in the chat header, and the
 * Requests, contact-link and Settings parts they open. Built by the app shell with the unlocked session's gateway.
 */
public final class PeopleScreens {
    /** Opens a dialog window with {@code content}. */
    @FunctionalInterface
    public interface DialogOpener {
        Stage open(String title, Parent content);
    }

    private final PeopleGateway people;
    private final EventBus bus;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final DialogOpener dialogs;
    private final DesktopHooks desktop;
    private final dev.parley.desktop.ui.common.ContactLookSource looks;
    private final RequestsViewModel requests;
    private final PresenceLineViewModel presence;
    private final Timeline presenceClock;
    private java.util.function.Function<Window, File> imageChooser = PeopleScreens::chooseImage;
    private java.util.function.Function<Window, File> pngChooser = PeopleScreens::choosePng;

    public PeopleScreens(PeopleGateway people, EventBus bus, BackgroundTasks tasks, UserMessages messages, Clock clock,
                         DialogOpener dialogs, DesktopHooks desktop, dev.parley.desktop.ui.common.ContactLookSource looks) {
        this.looks = Objects.requireNonNull(looks);
        this.people = Objects.requireNonNull(people);
        this.bus = Objects.requireNonNull(bus);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.desktop = Objects.requireNonNull(desktop);
        this.requests = new RequestsViewModel(people, tasks, messages);
        this.presence = new PresenceLineViewModel(people, tasks, messages, clock);
        this.presenceClock = new Timeline(new KeyFrame(javafx.util.Duration.seconds(30), e -> presence.tick()));
        presenceClock.setCycleCount(Timeline.INDEFINITE);
    }

    /**
     * Adds the people bar under the sidebar header (found by its style class) and follows {@code selectedContact};
     * the presence line goes under the chat's title with {@link #attachChat}.
     */
    public void attach(Parent mainRoot, ObservableValue<String> selectedContact) {
        Node header = mainRoot.lookup(".sidebar-header");
        if (header != null && header.getParent() instanceof Pane sidebar) {
            sidebar.getChildren().add(sidebar.getChildren().indexOf(header) + 1, bar());
        }
        presence.contactProperty().bind(selectedContact);
        requests.start(bus);
        presence.start(bus);
        presenceClock.play();
    }

    /** Puts the open contact's presence line under the chat's title (the chat pane is built after the window). */
    public void attachChat(Parent chatPane) {
        Node title = chatPane.lookup("#chatTitleRow");
        if (title != null && title.getParent() instanceof Pane titles) {
            titles.getChildren().add(titles.getChildren().indexOf(title) + 1, presenceLine());
        }
    }

    public void stop() {
        presenceClock.stop();
        requests.stop();
        presence.stop();
        presence.contactProperty().unbind();
    }

    /** Replaces the file dialogs (the avatar to open, the PNG to save); tests cannot drive the system's. */
    public void useFileChoosers(java.util.function.Function<Window, File> image,
                                java.util.function.Function<Window, File> png) {
        imageChooser = Objects.requireNonNull(image);
        pngChooser = Objects.requireNonNull(png);
    }

    public RequestsViewModel requests() {
        return requests;
    }

    public PresenceLineViewModel presence() {
        return presence;
    }

    public void openRequests() {
        requests.refresh();
        Stage[] dialog = new Stage[1];
        dialog[0] = dialogs.open(messages.get("people.requests.title"),
                new RequestsView(requests, looks, messages, () -> dialog[0].close()));
    }

    public void openContactLink() {
        ContactLinkViewModel vm = new ContactLinkViewModel(people, tasks, messages, desktop);
        Stage[] dialog = new Stage[1];
        dialog[0] = dialogs.open(messages.get("people.link.title"),
                new ContactLinkView(vm, messages, () -> dialog[0].close(), pngChooser));
        vm.load();
    }

    /** The people sections for the Settings dialog, loaded. */
    public Node settingsPane() {
        PeopleSettingsViewModel vm = new PeopleSettingsViewModel(people, tasks, messages);
        PeopleSettingsPane pane = new PeopleSettingsPane(vm, messages, imageChooser, looks.own());
        vm.load();
        return pane;
    }

    private HBox bar() {
        Button requestsButton = new Button();
        requestsButton.setId("requestsButton");
        requestsButton.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("people.requests.button", requests.countProperty().get()), requests.countProperty()));
        requestsButton.visibleProperty().bind(requests.countProperty().greaterThan(0));
        requestsButton.managedProperty().bind(requestsButton.visibleProperty());
        requestsButton.getStyleClass().add("accent");
        requestsButton.setOnAction(e -> openRequests());
        Button link = new Button(messages.get("people.link.button"));
        link.setId("contactLinkButton");
        link.setOnAction(e -> openContactLink());
        HBox bar = new HBox(8, requestsButton, link);
        bar.getStyleClass().add("people-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private HBox presenceLine() {
        Circle dot = new Circle(4);
        dot.getStyleClass().add("status-dot");
        presence.onlineProperty().addListener((obs, was, now) -> {
            dot.getStyleClass().remove("online");
            if (now) {
                dot.getStyleClass().add("online");
            }
        });
        Label text = new Label();
        text.setId("chatPresence");
        text.getStyleClass().add("chat-presence");
        text.textProperty().bind(presence.textProperty());
        HBox line = new HBox(5, dot, text);
        line.setAlignment(Pos.CENTER_LEFT);
        line.visibleProperty().bind(presence.textProperty().isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    private static File chooseImage(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg"));
        return chooser.showOpenDialog(owner);
    }

    private static File choosePng(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("parley-contact.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        return chooser.showSaveDialog(owner);
    }
}
