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
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
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
    private static final PseudoClass VERIFIED = PseudoClass.getPseudoClass("verified");
    /** Rows from either end of the loaded window at which the next page is requested. */
    static final int PREFETCH_ROWS = 30;
    /** Rows shown above a search result the chat jumped to. */
    private static final int ROWS_ABOVE_JUMP = 3;
    private static final javafx.util.Duration NOTICE_TIME = javafx.util.Duration.seconds(4);
    private static final javafx.util.Duration HIGHLIGHT_TIME = javafx.util.Duration.seconds(2.5);
    private final MainViewModel vm;
    private final Navigator navigator;
    private final Dialogs dialogs;
    private final TimeLabels times;
    private final UserMessages messages;
    private final DesktopHooks desktop;
    private MessageMenu messageMenu;
    private FileChoosers fileChoosers = FileChoosers.system();
    private AttachmentControls attachmentControls;

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

        AvatarView me = new AvatarView(true);
        meAvatarHolder.getChildren().add(me);
        vm.usernameProperty().addListener((obs, was, now) -> me.setName(now));
        meName.textProperty().bind(vm.usernameProperty());
        meStatus.textProperty().bind(Bindings.when(vm.onlineProperty())
                .then(messages.get("status.online")).otherwise(messages.get("status.offline")));
        vm.onlineProperty().addListener((obs, was, now) -> statusDot.getStyleClass().setAll(
                now ? new String[] {"status-dot", "online"} : new String[] {"status-dot"}));

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
        ConversationListViewModel list = vm.conversations();
        filter.textProperty().bindBidirectional(list.filterProperty());
        conversationList.setItems(list.visibleItems());
        ConversationMenu conversationMenu = new ConversationMenu(list, messages);
        conversationList.setCellFactory(v -> {
            ConversationCell cell = new ConversationCell(times, list::look, list.looks());
            conversationMenu.attach(cell);
            return cell;
        });
        archivedToggle.textProperty().bind(Bindings.when(list.showArchivedProperty())
                .then(messages.get("main.archived.back"))
                .otherwise(Bindings.format(messages.get("main.archived.show"), list.archivedCountBinding())));
        archivedToggle.visibleProperty().bind(list.showArchivedProperty().or(list.archivedCountBinding().greaterThan(0)));
        archivedToggle.managedProperty().bind(archivedToggle.visibleProperty());
        noConversations.textProperty().bind(list.emptyTextBinding());
        noConversations.visibleProperty().bind(Bindings.isNotEmpty(list.emptyTextBinding()));
        conversationList.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && !now.username().equals(list.selectedProperty().get())) {
                // After the ListView has finished its own selection handling: opening the chat clears the unread
                // badge, which replaces the selected item, and doing that inside the click made ListView's
                // behaviour throw IndexOutOfBoundsException (seen in the running app).
                String name = now.username();
                Platform.runLater(() -> list.selectedProperty().set(name));
            }
        });
        list.selectedProperty().addListener((obs, was, now) -> selectInList(now));
        // a contact's name, avatar or presence changed (#14): the row showing them follows by itself (ConversationCell);
        // if it is the open chat, the header too
        list.looks().addListener((javafx.collections.MapChangeListener<String, dev.parley.desktop.ui.common.ContactLook>) c -> {
            ContactView open = vm.chat().contactProperty().get();
            if (open != null && open.username().equals(c.getKey())) {
                showContact(open, vm.chat().typingProperty().get());
            }
        });
        list.visibleItems().addListener((ListChangeListener<ConversationItem>) c ->
                Platform.runLater(() -> selectInList(list.selectedProperty().get())));
    }

    private void selectInList(String name) {
        ConversationItem current = conversationList.getSelectionModel().getSelectedItem();
        if (name == null) {
            conversationList.getSelectionModel().clearSelection();
            return;
        }
        if (current != null && current.username().equals(name)) {
            return;
        }
        for (int i = 0; i < conversationList.getItems().size(); i++) {
            if (conversationList.getItems().get(i).username().equals(name)) {
                conversationList.getSelectionModel().select(i);
                return;
            }
        }
    }

    private void bindChat() {
        ChatViewModel chat = vm.chat();
        chatPane.visibleProperty().bind(chat.contactProperty().isNotNull());
        emptyState.visibleProperty().bind(chat.contactProperty().isNull());
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
        ChatBottomPin bottomPin = new ChatBottomPin(chatList);
        chat.onScrollToEndProperty().set(() -> Platform.runLater(bottomPin::toEnd));
        chat.onPrependedProperty().set(shift -> {
            bottomPin.release();
            keepPlace(shift);
        });
        chat.onDroppedTopProperty().set(removed -> {
            bottomPin.release();
            keepPlace(-removed);
        });
        javafx.animation.PauseTransition highlightTimeout = new javafx.animation.PauseTransition(HIGHLIGHT_TIME);
        highlightTimeout.setOnFinished(e -> chat.clearHighlight());
        chat.onScrollToRowProperty().set(index -> {
            bottomPin.release();
            chatList.scrollTo(Math.max(0, index - ROWS_ABOVE_JUMP));
            highlightTimeout.playFromStart();
        });
        chatList.skinProperty().addListener((obs, was, skin) -> watchScroll());
        chatError.textProperty().bind(Bindings.when(chat.errorProperty().isNotEmpty()).then(chat.errorProperty())
                .otherwise(chat.attachments().errorProperty()));
        chatError.visibleProperty().bind(chatError.textProperty().isNotEmpty());

        composer.textProperty().bindBidirectional(chat.draftProperty());
        composer.disableProperty().bind(chat.identityChangedBinding());
        composer.promptTextProperty().bind(Bindings.when(chat.identityChangedBinding())
                .then(messages.get("main.composer.blocked")).otherwise(messages.get("main.composer.prompt")));
        composer.addEventFilter(KeyEvent.KEY_PRESSED, this::composerKey);
        composer.textProperty().addListener((obs, was, now) -> sizeComposer());
        sendButton.disableProperty().bind(chat.canSendBinding().not());
        new ComposerBars(vm.chat().actions(), messages, composer).bind(editBar, replyBar, replyText);
        attachmentControls.bind(attachButton, attachmentPreview, uploadList, chatCenter, composer);
        attachButton.disableProperty().bind(chat.identityChangedBinding());
        new TimerPicker(chat.timer(), messages).bind(timerButton);
        timerButton.disableProperty().bind(chat.identityChangedBinding());
        AttachmentsViewModel files = chat.attachments();
        fileNotice.textProperty().bind(files.noticeProperty());
        fileNotice.visibleProperty().bind(files.noticeProperty().isNotEmpty());
        javafx.animation.PauseTransition noticeTimeout = new javafx.animation.PauseTransition(NOTICE_TIME);
        noticeTimeout.setOnFinished(e -> files.clearNotice());
        files.noticeProperty().addListener((obs, was, now) -> noticeTimeout.playFromStart());
    }

    private void showContact(ContactView contact, boolean typing) {
        if (contact == null) {
            return;
        }
        chatAvatar.setGroup(contact.isGroup());
        if (contact.isGroup()) {
            chatAvatar.setName(contact.shownName());
            chatTitle.setText(contact.shownName());
            chatUsername.setText("");
            chatUsername.setVisible(false);
            chatUsername.setManaged(false);
        } else {
            dev.parley.desktop.ui.common.ContactLook look = vm.conversations().look(contact.username());
            chatAvatar.setLook(look);
            chatTitle.setText(look.shown());
            // the username next to a name, so a display name cannot pass for someone else (#14)
            chatUsername.setText(look.named() ? "@" + contact.username() : "");
            chatUsername.setVisible(look.named());
            chatUsername.setManaged(look.named());
        }
        chatSubtitle.getStyleClass().setAll("chat-subtitle");
        String typists = vm.chat().groupTyping().textProperty().get();
        if (contact.isGroup() && !typists.isEmpty()) {
            chatSubtitle.setText(typists);
            chatSubtitle.getStyleClass().add("typing");
        } else if (contact.isGroup()) {
            chatSubtitle.setText(messages.get(contact.group().statusKey(), contact.group().members()));
        } else if (typing) {
            chatSubtitle.setText(messages.get("main.typing"));
            chatSubtitle.getStyleClass().add("typing");
        } else {
            chatSubtitle.setText(messages.get(contact.verified() ? "main.verified" : "main.unverified"));
        }
        // verified and not verified differ by shape (solid shield with a check, empty outline), not only by colour
        icon(safetyButton, contact.verified() ? Icons.SHIELD : Icons.SHIELD_OUTLINE,
                contact.verified() ? "main.safetyNumber.verified" : "main.safetyNumber.unverified");
        safetyButton.pseudoClassStateChanged(VERIFIED, contact.verified());
        identityText.setText(messages.get("main.identityChanged", contact.username()));
    }

    /**
     * Loads pages before the user reaches either end: older when the first visible row is within
     * {@link #PREFETCH_ROWS} of the top, newer when the last is within that of the bottom (after a search jump).
     */
    private void watchScroll() {
        for (Node n : chatList.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar && ((ScrollBar) n).getOrientation() == Orientation.VERTICAL) {
                ((ScrollBar) n).valueProperty().addListener((obs, was, now) -> prefetch());
            }
        }
    }

    private void prefetch() {
        VirtualFlow<?> flow = flow();
        if (flow == null || flow.getFirstVisibleCell() == null) {
            return;
        }
        ChatViewModel chat = vm.chat();
        if (chat.hasOlder() && flow.getFirstVisibleCell().getIndex() < PREFETCH_ROWS) {
            chat.loadOlder();
        }
        if (chat.hasNewer() && flow.getLastVisibleCell().getIndex() >= chatList.getItems().size() - PREFETCH_ROWS) {
            chat.loadNewer();
        }
    }

    /** Keeps the row at the top of the viewport in place after {@code shift} rows were inserted (or removed) above it. */
    private void keepPlace(int shift) {
        VirtualFlow<?> flow = flow();
        if (flow == null || flow.getFirstVisibleCell() == null) {
            chatList.scrollTo(Math.max(0, shift));
            return;
        }
        chatList.scrollTo(Math.max(0, flow.getFirstVisibleCell().getIndex() + shift));
    }

    private VirtualFlow<?> flow() {
        Node n = chatList.lookup(".virtual-flow");
        return n instanceof VirtualFlow ? (VirtualFlow<?>) n : null;
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
