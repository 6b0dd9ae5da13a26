package dev.parley.desktop.ui;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.DesktopHooks;
import dev.parley.desktop.ui.common.BundledFonts;
import dev.parley.desktop.ui.common.DayChanges;
import dev.parley.desktop.ui.common.Delays;
import dev.parley.desktop.ui.common.Dialogs;
import dev.parley.desktop.ui.common.FxmlView;
import dev.parley.desktop.ui.common.Navigator;
import dev.parley.desktop.ui.common.Pulses;
import dev.parley.desktop.ui.common.Theme;
import dev.parley.desktop.ui.common.TimeLabels;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import dev.parley.desktop.ui.main.ChatTimeline;
import dev.parley.desktop.ui.main.ChatViewModel;
import dev.parley.desktop.ui.main.ConnectionBanner;
import dev.parley.desktop.ui.main.ConversationListViewModel;
import dev.parley.desktop.ui.main.MainController;
import dev.parley.desktop.ui.main.MainViewModel;
import dev.parley.desktop.ui.main.NotificationPolicy;
import dev.parley.desktop.ui.main.PickupBanner;
import dev.parley.desktop.ui.main.SearchViewModel;
import dev.parley.desktop.ui.settings.SettingsValues;
import dev.parley.desktop.ui.unlock.IdleLock;
import dev.parley.desktop.ui.unlock.OnboardingView;
import dev.parley.desktop.ui.unlock.OnboardingViewModel;
import dev.parley.desktop.ui.unlock.RestoreViewModel;
import dev.parley.desktop.ui.unlock.UnlockView;
import dev.parley.desktop.ui.unlock.UnlockViewModel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's window and its screens: first run, unlock, main; the dialogs; theme; auto-lock on idle and Ctrl+L;
 * Ctrl+F for search. The composition root of the UI layer: it builds each screen's view model and controller.
 */
public final class AppShell implements Navigator, Dialogs {
    private static final Logger LOG = LoggerFactory.getLogger(AppShell.class);
    private static final Duration IDLE_CHECK = Duration.ofSeconds(5);

    private final Stage stage;
    private final SessionGateway gateway;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final Clock clock;
    private final String initialProfile;
    private final Scene scene;
    private final IdleLock idleLock;
    private final Timeline idleTimer;
    private final Duration clockCheck; // how often the idle time (auto-lock) and the date (day labels) are looked at
    private final DialogWindows dialogs;
    private final MainDialogs mainDialogs;
    private final javafx.scene.layout.StackPane placeholder;

    private final WindowTheme windowTheme;
    private MainController main;
    private dev.parley.desktop.ui.people.PeopleScreens people;
    private dev.parley.desktop.ui.people.ContactLooks looks;
    private dev.parley.desktop.ui.devices.DeviceScreens devices;
    /** The clipboard, and no browser until the app hands over its HostServices ({@link #useDesktop}). */
    private DesktopHooks desktop = DesktopHooks.system(url -> {
        throw new IllegalStateException("no browser available");
    });
    private dev.parley.desktop.ui.main.FileChoosers fileChoosers = dev.parley.desktop.ui.main.FileChoosers.system();

    public AppShell(Stage stage, SessionGateway gateway, BackgroundTasks tasks, UserMessages messages, Clock clock,
                    String initialProfile) {
        this(stage, gateway, tasks, messages, clock, initialProfile, IDLE_CHECK);
    }

    /**
     * @param clock     the time for the auto-lock, the connection banner and message times
     * @param idleCheck how often the auto-lock compares the idle time with the setting, and the longest wait before
     *                  the day labels look at the date (tests shorten it and move the clock instead of waiting)
     */
    public AppShell(Stage stage, SessionGateway gateway, BackgroundTasks tasks, UserMessages messages, Clock clock,
                    String initialProfile, Duration idleCheck) {
        this.stage = Objects.requireNonNull(stage);
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        this.clock = Objects.requireNonNull(clock);
        this.clockCheck = idleCheck;
        this.initialProfile = initialProfile == null ? "" : initialProfile;
        this.idleLock = new IdleLock(clock, Duration.ofMinutes(SettingsValues.defaults().autoLockMinutes()));
        // until the first screen is built: the background of the welcome screens (onboarding, unlock)
        this.placeholder = new javafx.scene.layout.StackPane();
        placeholder.getStyleClass().add("welcome");
        this.scene = new Scene(placeholder, 1120, 760);
        this.dialogs = new DialogWindows(stage, this::styleDialog);
        this.windowTheme = new WindowTheme(scene, dialogs::open);
        this.mainDialogs = new MainDialogs(gateway, tasks, messages, dialogs, () -> main, () -> people, () -> devices);
        scene.addEventFilter(InputEvent.ANY, e -> idleLock.activity());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> {
            if (main != null) {
                lock();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            if (main != null) {
                main.openSearch();
            }
        });
        idleTimer = new Timeline(new KeyFrame(javafx.util.Duration.millis(idleCheck.toMillis()), e -> {
            if (main != null && idleLock.shouldLock()) {
                LOG.info("locking after {} idle", idleLock.timeout());
                lock();
            }
        }));
        idleTimer.setCycleCount(Timeline.INDEFINITE);
        stage.setScene(scene);
        stage.setMinWidth(760);
        stage.setMinHeight(520);
        stage.setTitle(messages.get("app.title") + (this.initialProfile.isEmpty() ? "" : " - " + this.initialProfile));
        stage.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                windowTheme.refreshDesktopLook();
            }
        });
    }

    /** What the chat hands to the desktop (clipboard, browser); tests observe it. Takes effect at the next unlock. */
    public void useDesktop(DesktopHooks hooks) {
        desktop = Objects.requireNonNull(hooks);
    }

    /** The chat's file dialogs (tests answer them without the platform's dialogs). */
    public void useFileChoosers(dev.parley.desktop.ui.main.FileChoosers choosers) {
        fileChoosers = Objects.requireNonNull(choosers);
        if (main != null) {
            main.useFileChoosers(choosers);
        }
    }

    /** Where the "System" theme learns the desktop's preference (tests replace the desktop). */
    public void followDesktopScheme(java.util.function.Supplier<Theme> scheme) {
        windowTheme.followDesktopScheme(scheme);
    }

    /** The window's scene (for screenshots and tests). */
    public Scene scene() {
        return scene;
    }

    /** The main screen's view model while the main screen shows (for tests and the UI benchmark). */
    public java.util.Optional<MainViewModel> mainViewModel() {
        return main == null ? java.util.Optional.empty() : java.util.Optional.of(main.viewModel());
    }

    /** The open dialogs (for screenshots and tests). */
    public List<Stage> openDialogs() {
        return dialogs.open();
    }

    /** Shows the window with its first screen: onboarding if the profile (or any profile) is new, else unlock. */
    public void start() {
        BundledFonts.load();
        windowTheme.styleWindowOnce();
        showFirstScreen();
        idleTimer.play();
        stage.show();
    }

    /**
     * The app's own start: shows the window at once, with its title and the welcome screens' background, and builds
     * the first screen (as {@link #start()}) right after that frame, so the window appears before the screen's
     * controls, fonts and styles are loaded (docs/benchmarks.md, "Startup").
     *
     * @param ready runs on the FX thread once the first screen is laid out in the window and takes input
     */
    public void startWindowFirst(Runnable ready) {
        Objects.requireNonNull(ready);
        BundledFonts.preload();
        // drawn before any stylesheet is loaded: the welcome screens' background colour, set in code
        placeholder.setBackground(new javafx.scene.layout.Background(
                new javafx.scene.layout.BackgroundFill(windowTheme.look().welcomeBackground(), null, null)));
        idleTimer.play();
        stage.show();
        Pulses.afterNextLayout(scene, () -> {
            windowTheme.styleWindowOnce();
            if (scene.getRoot() != placeholder) {
                return; // a screen was shown meanwhile
            }
            BundledFonts.load();
            showFirstScreen();
            Pulses.afterNextLayout(scene, ready);
        });
    }

    private void showFirstScreen() {
        List<String> profiles = profiles();
        if (profiles.isEmpty() || !initialProfile.isEmpty() && !profiles.contains(initialProfile)) {
            showOnboarding(initialProfile);
        } else {
            showUnlock();
        }
    }

    private List<String> profiles() {
        try {
            return gateway.profiles();
        } catch (Exception e) {
            LOG.warn("cannot list profiles: {}", e.getClass().getSimpleName());
            return List.of();
        }
    }

    @Override
    public void showOnboarding(String profile) {
        OnboardingViewModel vm = new OnboardingViewModel(profile, gateway, tasks, messages);
        gateway.localRelay().ifPresent(vm::suggestLocalRelay);
        boolean hasProfiles = !profiles().isEmpty();
        show(new OnboardingView(vm, this, messages, hasProfiles));
        vm.onCreatedProperty().set(this::showProfileStep);
    }

    /** After creating a profile: the optional profile step (name, about, picture; "Skip"), then the main window (#14). */
    private void showProfileStep() {
        dev.parley.desktop.ui.people.ProfileStepViewModel step =
                new dev.parley.desktop.ui.people.ProfileStepViewModel(gateway.session().people(), tasks, messages);
        step.onDoneProperty().set(this::showMain);
        show(new dev.parley.desktop.ui.people.ProfileStepView(step, messages, owner -> fileChoosers
                .fileToSend(owner, messages.get("people.profile.chooseAvatar")).map(java.nio.file.Path::toFile).orElse(null)));
    }

    @Override
    public void showRestore(String profile) {
        RestoreViewModel vm = new RestoreViewModel(profile, gateway, tasks, messages);
        show(loader().register(dev.parley.desktop.ui.unlock.RestoreController.class, () ->
                new dev.parley.desktop.ui.unlock.RestoreController(vm, this, messages, fileChoosers))
                .load(FxmlView.RESTORE).root());
    }

    @Override
    public void showJoin(String profile) {
        dev.parley.desktop.ui.unlock.JoinAccountViewModel vm = new dev.parley.desktop.ui.unlock.JoinAccountViewModel(
                profile, gateway, tasks, messages);
        gateway.localRelay().ifPresent(vm::suggestLocalRelay);
        show(loader().register(dev.parley.desktop.ui.unlock.JoinAccountController.class, () ->
                new dev.parley.desktop.ui.unlock.JoinAccountController(vm, this, messages)).load(FxmlView.JOIN).root());
    }

    @Override
    public void showUnlock() {
        closeMain();
        UnlockViewModel vm = new UnlockViewModel(initialProfile, profiles(), gateway, tasks, messages);
        show(new UnlockView(vm, this, messages));
    }

    @Override
    public void showMain() {
        UnlockedSession session = gateway.session();
        ChatViewModel chat = new ChatViewModel(session.services(), tasks, new ChatTimeline(clock.getZone()), messages);
        chat.actions().useClock(clock);
        ConversationListViewModel list = new ConversationListViewModel(session.services(), tasks, messages);
        // the list's query runs while the window's views are built (issue #14: the first paint)
        list.loadFirst();
        looks = new dev.parley.desktop.ui.people.ContactLooks(session.people(), tasks);
        looks.start(session.bus());
        looks.followOwn(session.username());
        list.useLooks(looks);
        SearchViewModel search = new SearchViewModel(session.services(), tasks, messages, Delays.fx());
        MainViewModel vm = new MainViewModel(session.username(), session.connection(), session.bus(), tasks,
                new ConnectionBanner(clock, messages), new PickupBanner(messages), new NotificationPolicy(messages),
                new ToastNotifier(stage, windowTheme::style), list, chat, search);
        vm.ownLookProperty().bind(looks.own());
        TimeLabels times = new TimeLabels(clock, Locale.getDefault());
        ViewLoader.Loaded<MainController> loaded = loader()
                .register(MainController.class, () -> new MainController(vm, this, this, times,
                        new DayChanges(clock, Delays.fx(), clockCheck), messages, desktop, loader()))
                .load(FxmlView.MAIN);
        main = loaded.controller();
        main.useFileChoosers(fileChoosers);
        show(loaded.root());
        vm.start();
        people = new dev.parley.desktop.ui.people.PeopleScreens(session.people(), session.bus(), tasks, messages, clock,
                this::openDialog, desktop, looks);
        people.attach(loaded.root(), vm.conversations().selectedProperty());
        main.whenChatPaneBuilt(people::attachChat);
        dev.parley.desktop.ui.groups.GroupScreens groups = new dev.parley.desktop.ui.groups.GroupScreens(
                session.groups(), tasks, messages, this::openDialog);
        groups.attach(loaded.root(), vm.conversations(), vm.chat());
        main.whenChatPaneBuilt(groups::attachChat);
        devices = new dev.parley.desktop.ui.devices.DeviceScreens(session.devices(), tasks, messages, this::openDialog,
                clock.getZone());
        idleLock.activity();
        tasks.run(() -> session.settings().load(), this::applySettings,
                e -> LOG.warn("cannot read settings: {}", e.getClass().getSimpleName()));
    }

    @Override
    public void lock() {
        closeMain();
        tasks.runVoid(gateway::lock, this::showUnlock, e -> {
            LOG.warn("lock failed: {}", e.getClass().getSimpleName());
            showUnlock();
        });
    }

    private void closeMain() {
        dialogs.closeAll();
        if (main != null) {
            main.stop();
            main = null;
        }
        if (people != null) {
            people.stop();
            people = null;
        }
        if (looks != null) {
            looks.stop();
            looks = null;
        }
        if (devices != null) {
            devices.stop();
            devices = null;
        }
    }

    @Override
    public void addContact() {
        mainDialogs.addContact();
    }

    @Override
    public void safetyNumber(String contact) {
        mainDialogs.safetyNumber(contact);
    }

    @Override
    public void settings() {
        mainDialogs.settings(this::applySettings, this::lock);
    }

    /** The people screens while the main screen shows (for tests). */
    public java.util.Optional<dev.parley.desktop.ui.people.PeopleScreens> peopleScreens() {
        return java.util.Optional.ofNullable(people);
    }

    private Stage openDialog(String title, Parent content) {
        Stage dialog = dialogs.create(title);
        dialogs.show(dialog, content);
        return dialog;
    }

    private void applySettings(SettingsValues values) {
        applyTheme(values.theme());
        idleLock.setTimeout(Duration.ofMinutes(values.autoLockMinutes()));
        if (main != null) {
            main.viewModel().notificationsEnabledProperty().set(values.notifications());
            main.viewModel().notificationTextProperty().set(values.notificationText());
            main.viewModel().chat().sendTypingIndicatorsProperty().set(values.typingIndicators());
        }
    }

    /** Switches to the theme {@code next} (for SYSTEM: the desktop's light or dark) everywhere. */
    public void applyTheme(Theme next) {
        windowTheme.apply(next);
    }

    private void show(Parent root) {
        scene.setRoot(root);
        windowTheme.restyle(scene);
    }

    private void styleDialog(Scene dialog) {
        windowTheme.style(dialog);
    }

    /** The look showing now: LIGHT or DARK. */
    public Theme look() {
        return windowTheme.look();
    }

    private ViewLoader loader() {
        return new ViewLoader(messages.bundle());
    }

    /** Stops timers and closes dialogs (the gateway is closed by the app). */
    public void shutdown() {
        idleTimer.stop();
        closeMain();
    }
}
