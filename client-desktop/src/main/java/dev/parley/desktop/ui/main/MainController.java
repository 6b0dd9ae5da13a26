package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.AvatarView;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.DesktopHooks;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.Dialogs;
import dev.parley.desktop.ui.common.Icons;
import dev.parley.desktop.ui.common.Navigator;
import dev.parley.desktop.ui.common.TimeLabels;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/** Glue between {@code main.fxml} and {@link MainViewModel}: the conversation list, the open chat, search. */
public final class MainController {
    private static final PseudoClass RECEIVING = PseudoClass.getPseudoClass("receiving");
    private static final javafx.util.Duration NOTICE_TIME = javafx.util.Duration.seconds(4);
    private final MainViewModel vm;
    private final Navigator navigator;
    private final Dialogs dialogs;
    private final TimeLabels times;
    private final UserMessages messages;
    private final DesktopHooks desktop;
    private MessageMenu messageMenu;
    private FileChoosers fileChoosers = FileChoosers.system();
    private AttachmentControls attachmentControls;
    private ChatHeader header;

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
    @FXML private BorderPane chatPane;
    @FXML private StackPane chatAvatarHolder;
    @FXML private Label chatTitle;
    @FXML private Label chatUsername;
    private final AvatarView chatAvatar = new AvatarView(true);
    @FXML private Label chatSubtitle;
    @FXML private Button searchButton;
    @FXML private javafx.scene.control.MenuButton timerButton;
    @FXML private Button safetyButton;
    @FXML private HBox connectionBanner;
    @FXML private ProgressIndicator receivingIndicator;
    @FXML private Label connectionText;
    @FXML private Label historyProgress;
    @FXML private HBox identityBanner;
    @FXML private Label identityText;
    @FXML private ListView<ChatRow> chatList;
    @FXML private Label chatError;
    @FXML private TextArea composer;
    @FXML private Button sendButton;
    @FXML private Button attachButton;
    @FXML private VBox attachmentPreview;
    @FXML private VBox uploadList;
    @FXML private StackPane chatCenter;
    @FXML private Label fileNotice;
    @FXML private HBox editBar;
    @FXML private HBox replyBar;
    @FXML private Label replyText;
    @FXML private VBox emptyState;
    @FXML private VBox unlinkedState;
    @FXML private VBox searchPanel;
    @FXML private TextField searchField;
    @FXML private ListView<MessageView> searchResults;
    @FXML private Label searchEmpty;

    public MainController(MainViewModel vm, Navigator navigator, Dialogs dialogs, TimeLabels times,
                          UserMessages messages, DesktopHooks desktop) {
        this.desktop = Objects.requireNonNull(desktop);
        this.vm = Objects.requireNonNull(vm);
        this.navigator = Objects.requireNonNull(navigator);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.times = Objects.requireNonNull(times);
        this.messages = Objects.requireNonNull(messages);
    }

    public MainViewModel viewModel() {
        return vm;
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
        icon(searchButton, Icons.SEARCH, "main.search");
        icon(safetyButton, Icons.SHIELD, "main.safetyNumber");
        sendButton.setGraphic(Icons.SEND.node());
        sendButton.setTooltip(new Tooltip(messages.get("main.send")));

        new OwnHeader(vm, meName).bind(messages, meAvatarHolder, statusDot, meStatus);
        header = new ChatHeader(vm, messages, chatAvatar, chatTitle, chatUsername, chatSubtitle, safetyButton,
                identityText);

        bindConversationList();
        bindChat();
        bindSearch();
        // the window's focus decides notifications and read receipts; the scene may already have its window
        root.sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                bindFocus(scene.getWindow());
                scene.windowProperty().addListener((o, w, window) -> bindFocus(window));
            }
        });
    }

    private void bindFocus(javafx.stage.Window window) {
        if (window != null) {
            vm.windowFocusedProperty().bind(window.focusedProperty());
        }
    }

    private void bindConversationList() {
        new ConversationListBinding(vm.conversations(), conversationList).bind(filter, archivedToggle, noConversations,
                times, messages, username -> {
                    ContactView open = vm.chat().contactProperty().get();
                    if (open != null && open.username().equals(username)) {
                        showContact(open, vm.chat().typingProperty().get());
                    }
                });
    }

    private void bindChat() {
        ChatViewModel chat = vm.chat();
        chatPane.visibleProperty().bind(chat.contactProperty().isNotNull());
        emptyState.visibleProperty().bind(chat.contactProperty().isNull().and(vm.unlinkedProperty().not()));
        unlinkedState.visibleProperty().bind(vm.unlinkedProperty());
        vm.unlinkedProperty().addListener((obs, was, now) -> {
            if (now) {
                UnlinkedWindow.offerNothingThatNeedsAnAccount(root, lockButton, filter);
            }
        });
        chatAvatarHolder.getChildren().add(chatAvatar);
        chat.contactProperty().addListener((obs, was, now) -> {
            if (now != null) {
                Platform.runLater(composer::requestFocus);
            }
            showContact(now, chat.typingProperty().get());
        });
        // a typing indicator that is not refreshed fades after a few seconds (the sender may have gone offline)
        javafx.animation.PauseTransition typingTimeout = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(8));
        typingTimeout.setOnFinished(e -> {
            ContactView c = chat.contactProperty().get();
            if (c != null) {
                chat.typingChanged(c.username(), false);
                chat.groupTyping().clear();
            }
        });
        chat.groupTyping().textProperty().addListener((obs, was, now) -> {
            showContact(chat.contactProperty().get(), chat.typingProperty().get());
            if (!now.isEmpty()) {
                typingTimeout.playFromStart();
            }
        });
        chat.typingProperty().addListener((obs, was, now) -> {
            showContact(chat.contactProperty().get(), now);
            if (now) {
                typingTimeout.playFromStart();
            } else {
                typingTimeout.stop();
            }
        });

        connectionText.textProperty().bind(vm.bannerTextProperty());
        historyProgress.textProperty().bind(vm.historyTextProperty());
        historyProgress.visibleProperty().bind(vm.historyTextProperty().isNotEmpty());
        historyProgress.managedProperty().bind(historyProgress.visibleProperty());
        connectionBanner.visibleProperty().bind(vm.bannerTextProperty().isNotEmpty());
        connectionBanner.managedProperty().bind(connectionBanner.visibleProperty());
        vm.receivingProperty().addListener((obs, was, now) -> connectionBanner.pseudoClassStateChanged(RECEIVING, now));
        connectionBanner.pseudoClassStateChanged(RECEIVING, vm.receivingProperty().get());
        receivingIndicator.visibleProperty().bind(vm.receivingProperty());
        receivingIndicator.managedProperty().bind(receivingIndicator.visibleProperty());
        identityBanner.visibleProperty().bind(chat.identityChangedBinding());
        identityBanner.managedProperty().bind(identityBanner.visibleProperty());

        Label empty = new Label(messages.get("main.chat.empty"));
        empty.getStyleClass().add("empty-text");
        empty.setWrapText(true);
        empty.setMaxWidth(320);
        chatList.setPlaceholder(empty);
        chatList.setItems(chat.rows());
        messageMenu = new MessageMenu(chat.actions(), messages, desktop, times);
        attachmentControls = new AttachmentControls(chat.attachments(), messages, () -> fileChoosers);
        chatList.setCellFactory(v -> new ChatRowCell(times, messages, chat::retry, chat.highlightedProperty(),
                chat.actions(), messageMenu, chat::jumpToOriginal, new AttachmentCard(chat.attachments(), messages,
                        m -> attachmentControls.open(chatList, m), m -> attachmentControls.saveAs(chatList, m))));
        // focusable, so a clicked or arrowed-to message takes the Menu key / Shift+F10 for its context menu
        chatList.setFocusTraversable(true);
        chatList.addEventHandler(KeyEvent.KEY_PRESSED, e -> messageMenu.keyPressed(e, chatList));
        new ChatScroll(chatList, chat).bind();
        ChatWarmUp.whenListed(chatList, chat.rows(), vm.conversations().allItems());
        chatError.textProperty().bind(Bindings.when(chat.errorProperty().isNotEmpty()).then(chat.errorProperty())
                .otherwise(chat.attachments().errorProperty()));
        chatError.visibleProperty().bind(chatError.textProperty().isNotEmpty());

        composer.textProperty().bindBidirectional(chat.draftProperty());
        composer.disableProperty().bind(chat.composerClosedBinding().isNotNull());
        composer.promptTextProperty().bind(Bindings.createStringBinding(() -> messages.get(
                java.util.Objects.requireNonNullElse(chat.composerClosedBinding().get(), "main.composer.prompt")),
                chat.composerClosedBinding()));
        composer.addEventFilter(KeyEvent.KEY_PRESSED, this::composerKey);
        composer.textProperty().addListener((obs, was, now) -> sizeComposer());
        sendButton.disableProperty().bind(chat.canSendBinding().not());
        new ComposerBars(vm.chat().actions(), messages, composer).bind(editBar, replyBar, replyText);
        attachmentControls.bind(attachButton, attachmentPreview, uploadList, chatCenter, composer);
        attachButton.disableProperty().bind(chat.composerClosedBinding().isNotNull());
        new TimerPicker(chat.timer(), messages).bind(timerButton);
        timerButton.disableProperty().bind(chat.composerClosedBinding().isNotNull());
        AttachmentsViewModel files = chat.attachments();
        fileNotice.textProperty().bind(files.noticeProperty());
        fileNotice.visibleProperty().bind(files.noticeProperty().isNotEmpty());
        javafx.animation.PauseTransition noticeTimeout = new javafx.animation.PauseTransition(NOTICE_TIME);
        noticeTimeout.setOnFinished(e -> files.clearNotice());
        files.noticeProperty().addListener((obs, was, now) -> noticeTimeout.playFromStart());
    }

    private void showContact(ContactView contact, boolean typing) {
        header.show(contact, typing);
    }

    private void composerKey(KeyEvent e) {
        MessageActionsViewModel actions = vm.chat().actions();
        if (e.getCode() == KeyCode.ESCAPE
                && (actions.editingProperty().get() != null || actions.replyingToProperty().get() != null)) {
            e.consume();
            actions.cancelEdit();
            actions.cancelReply();
            return;
        }
        if (e.getCode() != KeyCode.ENTER) {
            return;
        }
        e.consume();
        if (e.isShiftDown()) {
            composer.insertText(composer.getCaretPosition(), "\n");
        } else if (actions.editingProperty().get() != null) {
            actions.saveEdit(composer.getText());
        } else {
            vm.chat().send();
        }
    }

    @FXML
    private void cancelEdit() {
        vm.chat().actions().cancelEdit();
    }

    @FXML
    private void cancelReply() {
        vm.chat().actions().cancelReply();
    }

    private void sizeComposer() {
        long lines = composer.getText().chars().filter(c -> c == '\n').count() + 1;
        composer.setPrefRowCount((int) Math.max(1, Math.min(6, lines)));
    }

    private void bindSearch() {
        SearchViewModel search = vm.search();
        searchPanel.visibleProperty().bind(search.openProperty());
        searchPanel.managedProperty().bind(search.openProperty());
        searchField.textProperty().bindBidirectional(search.queryProperty());
        searchField.setOnAction(e -> search.search());
        // Escape closes the search from anywhere in the window while it is open
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && search.openProperty().get()) {
                closeSearch();
                e.consume();
            }
        });
        searchResults.setItems(search.results());
        searchResults.setCellFactory(v -> new SearchResultCell(times, search.queryProperty()::get));
        searchEmpty.visibleProperty().bind(search.searchedProperty().and(Bindings.isEmpty(search.results())));
        searchResults.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                vm.openSearchResult(now);
            }
        });
    }

    private void icon(Button button, Icons icon, String tooltipKey) {
        button.setGraphic(icon.node());
        button.setTooltip(new Tooltip(messages.get(tooltipKey)));
    }

    /** Ctrl+F. */
    @FXML
    public void openSearch() {
        vm.search().openProperty().set(true);
        Platform.runLater(searchField::requestFocus);
    }

    @FXML
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

    @FXML
    private void send() {
        if (vm.chat().actions().editingProperty().get() != null) {
            vm.chat().actions().saveEdit(composer.getText());
        } else {
            vm.chat().send();
        }
    }

    @FXML
    private void acceptIdentity() {
        vm.chat().acknowledgeIdentityChange();
    }

    @FXML
    private void showSafetyNumber() {
        ContactView c = vm.chat().contactProperty().get();
        if (c != null) {
            dialogs.safetyNumber(c.username());
        }
    }
}
