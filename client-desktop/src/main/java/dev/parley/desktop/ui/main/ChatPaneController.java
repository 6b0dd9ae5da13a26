package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.AvatarView;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.DesktopHooks;
import dev.parley.desktop.ui.common.Dialogs;
import dev.parley.desktop.ui.common.Icons;
import dev.parley.desktop.ui.common.TimeLabels;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Glue between {@code chat.fxml} and the open chat of {@link MainViewModel}: header, banners, messages, composer.
 * Split out of {@link MainController}, which builds this pane only when it is first needed (issue #14: the main
 * window's first paint styles and lays out the conversation list, not a chat that does not show yet). Everything it
 * binds is read from the view models as they are now, so it may be built at any time, also while a conversation opens.
 */
public final class ChatPaneController {
    private static final PseudoClass RECEIVING = PseudoClass.getPseudoClass("receiving");
    private static final javafx.util.Duration NOTICE_TIME = javafx.util.Duration.seconds(4);
    private final MainViewModel vm;
    private final Dialogs dialogs;
    private final TimeLabels times;
    private final UserMessages messages;
    private final DesktopHooks desktop;
    private final Supplier<FileChoosers> fileChoosers;
    private final Runnable openSearch;
    private final AvatarView chatAvatar = new AvatarView(true);
    private ChatHeader header;

    @FXML private BorderPane chatPane;
    @FXML private StackPane chatAvatarHolder;
    @FXML private Label chatTitle;
    @FXML private Label chatUsername;
    @FXML private Label chatSubtitle;
    @FXML private Button searchButton;
    @FXML private MenuButton timerButton;
    @FXML private Button safetyButton;
    @FXML private HBox connectionBanner;
    @FXML private ProgressIndicator receivingIndicator;
    @FXML private Label connectionText;
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

    /**
     * @param fileChoosers the file dialogs the chat uses now (tests answer them without the platform's dialogs)
     * @param openSearch   opens the search panel (the header's search button)
     */
    public ChatPaneController(MainViewModel vm, Dialogs dialogs, TimeLabels times, UserMessages messages,
                              DesktopHooks desktop, Supplier<FileChoosers> fileChoosers, Runnable openSearch) {
        this.vm = Objects.requireNonNull(vm);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.times = Objects.requireNonNull(times);
        this.messages = Objects.requireNonNull(messages);
        this.desktop = Objects.requireNonNull(desktop);
        this.fileChoosers = Objects.requireNonNull(fileChoosers);
        this.openSearch = Objects.requireNonNull(openSearch);
    }

    @FXML
    private void initialize() {
        icon(searchButton, Icons.SEARCH, "main.search");
        icon(safetyButton, Icons.SHIELD, "main.safetyNumber");
        sendButton.setGraphic(Icons.SEND.node());
        sendButton.setTooltip(new Tooltip(messages.get("main.send")));
        header = new ChatHeader(vm, messages, chatAvatar, chatTitle, chatUsername, chatSubtitle, safetyButton,
                identityText);
        chatAvatarHolder.getChildren().add(chatAvatar);
        bindHeader();
        bindBanners();
        bindMessages();
        bindComposer();
    }

    /** Called by {@link MainController} when a conversation opens after this pane was built. */
    void contactOpened(ContactView contact) {
        if (contact != null) {
            Platform.runLater(composer::requestFocus);
        }
        showContact(contact, vm.chat().typingProperty().get());
    }

    /** Draws the date dividers again ("Today" became "Yesterday"): the rows stay, their cells label them anew. */
    void relabelDays() {
        chatList.refresh();
    }

    /** The header shows the contact again (their look changed). */
    void refreshContact() {
        showContact(vm.chat().contactProperty().get(), vm.chat().typingProperty().get());
    }

    private void bindHeader() {
        ChatViewModel chat = vm.chat();
        chatPane.visibleProperty().bind(chat.contactProperty().isNotNull());
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
            refreshContact();
            if (!now.isEmpty()) {
                typingTimeout.playFromStart();
            }
        });
        chat.typingProperty().addListener((obs, was, now) -> {
            refreshContact();
            if (now) {
                typingTimeout.playFromStart();
            } else {
                typingTimeout.stop();
            }
        });
        // built while a conversation opens, or before any: show what is open now
        contactOpened(chat.contactProperty().get());
    }

    private void bindBanners() {
        ChatViewModel chat = vm.chat();
        connectionText.textProperty().bind(vm.bannerTextProperty());
        connectionBanner.visibleProperty().bind(vm.bannerTextProperty().isNotEmpty());
        connectionBanner.managedProperty().bind(connectionBanner.visibleProperty());
        vm.receivingProperty().addListener((obs, was, now) -> connectionBanner.pseudoClassStateChanged(RECEIVING, now));
        connectionBanner.pseudoClassStateChanged(RECEIVING, vm.receivingProperty().get());
        receivingIndicator.visibleProperty().bind(vm.receivingProperty());
        receivingIndicator.managedProperty().bind(receivingIndicator.visibleProperty());
        identityBanner.visibleProperty().bind(chat.identityChangedBinding());
        identityBanner.managedProperty().bind(identityBanner.visibleProperty());
    }

    private void bindMessages() {
        ChatViewModel chat = vm.chat();
        Label empty = new Label(messages.get("main.chat.empty"));
        empty.getStyleClass().add("empty-text");
        empty.setWrapText(true);
        empty.setMaxWidth(320);
        chatList.setPlaceholder(empty);
        chatList.setItems(chat.rows());
        MessageMenu messageMenu = new MessageMenu(chat.actions(), messages, desktop, times);
        AttachmentControls attachmentControls = new AttachmentControls(chat.attachments(), messages, fileChoosers);
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
        attachmentControls.bind(attachButton, attachmentPreview, uploadList, chatCenter, composer);
        AttachmentsViewModel files = chat.attachments();
        fileNotice.textProperty().bind(files.noticeProperty());
        fileNotice.visibleProperty().bind(files.noticeProperty().isNotEmpty());
        javafx.animation.PauseTransition noticeTimeout = new javafx.animation.PauseTransition(NOTICE_TIME);
        noticeTimeout.setOnFinished(e -> files.clearNotice());
        files.noticeProperty().addListener((obs, was, now) -> noticeTimeout.playFromStart());
    }

    private void bindComposer() {
        ChatViewModel chat = vm.chat();
        composer.textProperty().bindBidirectional(chat.draftProperty());
        composer.disableProperty().bind(chat.composerClosedBinding().isNotNull());
        composer.promptTextProperty().bind(Bindings.createStringBinding(() -> messages.get(
                Objects.requireNonNullElse(chat.composerClosedBinding().get(), "main.composer.prompt")),
                chat.composerClosedBinding()));
        composer.addEventFilter(KeyEvent.KEY_PRESSED, this::composerKey);
        composer.textProperty().addListener((obs, was, now) -> sizeComposer());
        sizeComposer();
        sendButton.disableProperty().bind(chat.canSendBinding().not());
        new ComposerBars(chat.actions(), messages, composer).bind(editBar, replyBar, replyText);
        attachButton.disableProperty().bind(chat.composerClosedBinding().isNotNull());
        new TimerPicker(chat.timer(), messages).bind(timerButton);
        timerButton.disableProperty().bind(chat.composerClosedBinding().isNotNull());
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

    private void sizeComposer() {
        String text = composer.getText() == null ? "" : composer.getText();
        long lines = text.chars().filter(c -> c == '\n').count() + 1;
        composer.setPrefRowCount((int) Math.max(1, Math.min(6, lines)));
    }

    private void icon(Button button, Icons icon, String tooltipKey) {
        button.setGraphic(icon.node());
        button.setTooltip(new Tooltip(messages.get(tooltipKey)));
    }

    @FXML
    private void openSearch() {
        openSearch.run();
    }

    @FXML
    private void cancelEdit() {
        vm.chat().actions().cancelEdit();
    }

    @FXML
    private void cancelReply() {
        vm.chat().actions().cancelReply();
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
