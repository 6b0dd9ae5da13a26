package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.DayChanges;
import dev.parley.desktop.ui.common.DesktopHooks;
import dev.parley.desktop.ui.common.Dialogs;
import dev.parley.desktop.ui.common.FxmlView;
import dev.parley.desktop.ui.common.Icons;
import dev.parley.desktop.ui.common.Navigator;
import dev.parley.desktop.ui.common.Pulses;
import dev.parley.desktop.ui.common.TimeLabels;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * Glue between {@code main.fxml} and {@link MainViewModel}: the conversation list and the empty states. The open chat
 * ({@link ChatPaneController}, {@code chat.fxml}) and the search panel ({@link SearchPaneController},
 * {@code search.fxml}) are built when first needed (issue #14: the first paint of the main window styles and lays out
 * what shows, the conversation list): the chat when a conversation opens or right after the list has painted with
 * conversations in it (so opening the first one does not pay for it), the search when it first opens.
 */
public final class MainController {
    private final MainViewModel vm;
    private final Navigator navigator;
    private final Dialogs dialogs;
    private final TimeLabels times;
    /** At each local midnight: the lists' "Today", "Yesterday" and weekday labels are drawn again. */
    private final DayChanges days;
    private final UserMessages messages;
    private final DesktopHooks desktop;
    private final ViewLoader loader;
    private FileChoosers fileChoosers = FileChoosers.system();
    private ChatPaneController chat;
    private Parent chatRoot;
    private SearchPaneController search;
    private final List<Consumer<Parent>> chatPaneBuilt = new ArrayList<>();

    @FXML private HBox root;
    @FXML private StackPane meAvatarHolder;
    @FXML private Label meName;
    @FXML private Circle statusDot;
    @FXML private Label meStatus;
    @FXML private Button addContactButton;
    @FXML private Button settingsButton;
    @FXML private Button lockButton;
    @FXML private TextField filter;
    @FXML private ListView<ConversationItem> conversationList;
    @FXML private Label noConversations;
    @FXML private Button archivedToggle;
    @FXML private StackPane chatArea;
    @FXML private Label historyProgress;
    @FXML private VBox emptyState;
    @FXML private VBox unlinkedState;

    public MainController(MainViewModel vm, Navigator navigator, Dialogs dialogs, TimeLabels times, DayChanges days,
                          UserMessages messages, DesktopHooks desktop, ViewLoader loader) {
        this.days = Objects.requireNonNull(days);
        this.desktop = Objects.requireNonNull(desktop);
        this.vm = Objects.requireNonNull(vm);
        this.navigator = Objects.requireNonNull(navigator);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.times = Objects.requireNonNull(times);
        this.messages = Objects.requireNonNull(messages);
        this.loader = Objects.requireNonNull(loader);
    }

    public MainViewModel viewModel() {
        return vm;
    }

    /** Stops the view model and the day-change watch (the window is closing or locking). */
    public void stop() {
        days.stop();
        vm.stop();
    }

    /** The file dialogs the chat uses (tests answer them without the platform's dialogs). */
    public void useFileChoosers(FileChoosers choosers) {
        fileChoosers = Objects.requireNonNull(choosers);
    }

    @FXML
    private void initialize() {
        icon(addContactButton, Icons.PLUS, "main.addContact");
        icon(settingsButton, Icons.GEAR, "main.settings");
        icon(lockButton, Icons.LOCK, "main.lock");

        new OwnHeader(vm, meName).bind(messages, meAvatarHolder, statusDot, meStatus);

        bindConversationList();
        bindStates();
        bindChatPane();
        bindSearch();
        relabelAtMidnight();
        // the window's focus decides notifications and read receipts; the scene may already have its window
        root.sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                bindFocus(scene.getWindow());
                scene.windowProperty().addListener((o, w, window) -> bindFocus(window));
            }
        });
    }

    /**
     * Redraws the rows that show a day relative to today (the conversation list, the chat's date dividers, search
     * results) when the date changes: their cells make the labels again from the items they hold, nothing is read
     * from storage.
     */
    private void relabelAtMidnight() {
        days.onNewDay(() -> {
            conversationList.refresh();
            if (chat != null) {
                chat.relabelDays();
            }
            if (search != null) {
                search.relabelDays();
            }
        });
        days.start();
    }

    private void bindFocus(javafx.stage.Window window) {
        if (window != null) {
            vm.windowFocusedProperty().bind(window.focusedProperty());
        }
    }

    private void bindConversationList() {
        new ConversationListBinding(vm.conversations(), conversationList).bind(filter, archivedToggle, noConversations,
                times, messages, username -> {
                    var open = vm.chat().contactProperty().get();
                    if (chat != null && open != null && open.username().equals(username)) {
                        chat.refreshContact();
                    }
                });
    }

    private void bindStates() {
        emptyState.visibleProperty().bind(vm.chat().contactProperty().isNull().and(vm.unlinkedProperty().not()));
        unlinkedState.visibleProperty().bind(vm.unlinkedProperty());
        vm.unlinkedProperty().addListener((obs, was, now) -> {
            if (now) {
                UnlinkedWindow.offerNothingThatNeedsAnAccount(root, lockButton, filter);
            }
        });
        historyProgress.textProperty().bind(vm.historyTextProperty());
        historyProgress.visibleProperty().bind(vm.historyTextProperty().isNotEmpty());
        historyProgress.managedProperty().bind(historyProgress.visibleProperty());
    }

    /**
     * The chat pane is built when a conversation opens, or after the first pulse that laid the window out with
     * conversations listed (its own first layout and the chat's warm-up, {@link ChatWarmUp}, follow in the next
     * pulses, after the list has reached the screen).
     */
    private void bindChatPane() {
        vm.chat().contactProperty().addListener((obs, was, now) -> {
            if (chat == null) {
                if (now != null) {
                    chatPane();
                }
            } else {
                chat.contactOpened(now);
            }
        });
        Runnable[] start = new Runnable[1];
        javafx.beans.InvalidationListener listener = o -> start[0].run();
        javafx.collections.ObservableList<ConversationItem> listed = vm.conversations().allItems();
        start[0] = () -> {
            if (root.getScene() == null || listed.isEmpty()) {
                return;
            }
            root.sceneProperty().removeListener(listener);
            listed.removeListener(listener);
            Pulses.afterNextLayout(root.getScene(), this::chatPane);
        };
        root.sceneProperty().addListener(listener);
        listed.addListener(listener);
    }

    /** The chat pane, built now if it was not yet. */
    Parent chatPane() {
        if (chatRoot == null) {
            ViewLoader.Loaded<ChatPaneController> loaded = loader.register(ChatPaneController.class,
                    () -> new ChatPaneController(vm, dialogs, times, messages, desktop, () -> fileChoosers,
                            this::openSearch)).load(FxmlView.CHAT);
            chatRoot = loaded.root();
            chat = loaded.controller();
            // under the empty states, as in one view before
            chatArea.getChildren().add(0, chatRoot);
            chatPaneBuilt.forEach(c -> c.accept(chatRoot));
            chatPaneBuilt.clear();
        }
        return chatRoot;
    }

    /**
     * Runs {@code action} with the chat pane once it is built (at once if it is): screens that add to the chat's header
     * (the presence line, the group info button) attach there.
     */
    public void whenChatPaneBuilt(Consumer<Parent> action) {
        if (chatRoot != null) {
            action.accept(chatRoot);
        } else {
            chatPaneBuilt.add(Objects.requireNonNull(action));
        }
    }

    private void bindSearch() {
        SearchViewModel search = vm.search();
        search.openProperty().addListener((obs, was, now) -> {
            if (now) {
                searchPane();
            }
        });
        // Escape closes the search from anywhere in the window while it is open
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && search.openProperty().get()) {
                closeSearch();
                e.consume();
            }
        });
    }

    private SearchPaneController searchPane() {
        if (search == null) {
            ViewLoader.Loaded<SearchPaneController> loaded = loader.register(SearchPaneController.class,
                    () -> new SearchPaneController(vm, times)).load(FxmlView.SEARCH);
            search = loaded.controller();
            root.getChildren().add(loaded.root());
        }
        return search;
    }

    private void icon(Button button, Icons icon, String tooltipKey) {
        button.setGraphic(icon.node());
        button.setTooltip(new Tooltip(messages.get(tooltipKey)));
    }

    /** Ctrl+F. */
    @FXML
    public void openSearch() {
        vm.search().openProperty().set(true);
        searchPane().focus();
    }

    private void closeSearch() {
        vm.search().close();
    }

    @FXML
    private void toggleArchived() {
        vm.conversations().showArchivedProperty().set(!vm.conversations().showArchivedProperty().get());
    }

    @FXML
    private void addContact() {
        dialogs.addContact();
    }

    @FXML
    private void openSettings() {
        dialogs.settings();
    }

    @FXML
    private void lock() {
        navigator.lock();
    }

    /**
     * Issue #17: this unlinked computer starts over: the emptied profile is locked, and the profile screen offers a new
     * profile, from which "Link to an existing account" links this computer again.
     */
    @FXML
    private void startOver() {
        navigator.lock();
    }

    @FXML
    private void quit() {
        Platform.exit();
    }
}
