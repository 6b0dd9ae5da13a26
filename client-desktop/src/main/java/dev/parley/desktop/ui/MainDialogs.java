package dev.parley.desktop.ui;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.FxmlView;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import dev.parley.desktop.ui.contacts.AddContactController;
import dev.parley.desktop.ui.contacts.AddContactViewModel;
import dev.parley.desktop.ui.contacts.SafetyNumberController;
import dev.parley.desktop.ui.contacts.SafetyNumberViewModel;
import dev.parley.desktop.ui.devices.DeviceScreens;
import dev.parley.desktop.ui.main.MainController;
import dev.parley.desktop.ui.people.PeopleScreens;
import dev.parley.desktop.ui.settings.SettingsController;
import dev.parley.desktop.ui.settings.SettingsValues;
import dev.parley.desktop.ui.settings.SettingsViewModel;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's dialogs (split out of {@link AppShell}): Add contact, the safety number, and Settings with the
 * people and device sections. Each tells the main screen, if it still shows, what changed.
 */
final class MainDialogs {
    private static final Logger LOG = LoggerFactory.getLogger(MainDialogs.class);
    /** Left free above and below a dialog: the window's title bar and the desktop's panels. */
    private static final double SCREEN_MARGIN = 96;

    private final SessionGateway gateway;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final DialogWindows dialogs;
    private final Supplier<MainController> main;
    private final Supplier<PeopleScreens> people;
    private final Supplier<DeviceScreens> devices;

    /** {@code main}, {@code people} and {@code devices} give null while the main screen does not show. */
    MainDialogs(SessionGateway gateway, BackgroundTasks tasks, UserMessages messages, DialogWindows dialogs,
                Supplier<MainController> main, Supplier<PeopleScreens> people, Supplier<DeviceScreens> devices) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.main = Objects.requireNonNull(main);
        this.people = Objects.requireNonNull(people);
        this.devices = Objects.requireNonNull(devices);
    }

    void addContact() {
        UnlockedSession session = gateway.session();
        AddContactViewModel vm = new AddContactViewModel(session.services(), tasks, messages);
        Stage dialog = dialogs.create(messages.get("contacts.add.title"));
        vm.onAddedProperty().set(contact -> {
            dialog.close();
            MainController shown = main.get();
            if (shown != null) {
                shown.viewModel().conversations().contactChanged(contact);
                shown.viewModel().conversations().selectedProperty().set(contact.username());
            }
        });
        dialogs.show(dialog, loader().register(AddContactController.class,
                () -> new AddContactController(vm, dialog::close)).load(FxmlView.ADD_CONTACT).root());
    }

    void safetyNumber(String contact) {
        UnlockedSession session = gateway.session();
        SafetyNumberViewModel vm = new SafetyNumberViewModel(contact, session.services(), tasks, messages);
        Stage dialog = dialogs.create(messages.get("main.safetyNumber"));
        vm.verifiedProperty().addListener((obs, was, now) -> {
            if (main.get() != null) {
                tasks.run(() -> session.services().contact(contact), c -> {
                    MainController shown = main.get();
                    if (shown != null) {
                        shown.viewModel().chat().contactChanged(c);
                        shown.viewModel().conversations().contactChanged(c);
                    }
                }, e -> LOG.warn("cannot reload contact: {}", e.getClass().getSimpleName()));
            }
        });
        dialogs.show(dialog, loader().register(SafetyNumberController.class,
                () -> new SafetyNumberController(vm, messages, dialog::close)).load(FxmlView.SAFETY_NUMBER).root());
    }

    /**
     * @param applied  hears the settings as saved
     * @param lock     locks the app (after the passphrase changed)
     */
    void settings(Consumer<SettingsValues> applied, Runnable lock) {
        UnlockedSession session = gateway.session();
        SettingsViewModel vm = new SettingsViewModel(session.settings(), tasks, messages);
        vm.onChangedProperty().set(applied::accept);
        vm.onPassphraseChangedProperty().set(lock);
        Stage dialog = dialogs.create(messages.get("settings.title"));
        ViewLoader.Loaded<SettingsController> loaded = loader().register(SettingsController.class,
                () -> new SettingsController(vm, messages, dialog::close)).load(FxmlView.SETTINGS);
        loaded.controller().limitHeight(dialogs.screenBounds().getHeight() - SCREEN_MARGIN);
        PeopleScreens peopleScreens = people.get();
        if (peopleScreens != null && loaded.root().lookup("#scroller") instanceof javafx.scene.control.ScrollPane scroller
                && scroller.getContent() instanceof javafx.scene.layout.Pane sections) {
            // before the Security section (the label above the auto-lock row), after privacy and notifications
            javafx.scene.Node autoLock = sections.lookup("#autoLock");
            int at = autoLock == null ? sections.getChildren().size()
                    : Math.max(0, sections.getChildren().indexOf(autoLock.getParent()) - 1);
            sections.getChildren().add(at, peopleScreens.settingsPane());
            DeviceScreens deviceScreens = devices.get();
            if (deviceScreens != null) {
                sections.getChildren().add(at + 1, deviceScreens.settingsPane());       // Devices (issue #17)
            }
        }
        dialogs.show(dialog, loaded.root());
    }

    private ViewLoader loader() {
        return new ViewLoader(messages.bundle());
    }
}
