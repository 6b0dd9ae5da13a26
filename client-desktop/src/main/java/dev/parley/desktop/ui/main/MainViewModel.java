package dev.parley.desktop.ui.main;

import dev.parley.desktop.event.ConnectionChangedEvent;
import dev.parley.desktop.event.ContactChangedEvent;
import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.event.GroupTypingChangedEvent;
import dev.parley.desktop.event.MemberReceiptEvent;
import dev.parley.desktop.event.MessageChangedEvent;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.event.MessageStateChangedEvent;
import dev.parley.desktop.event.PickupProgressEvent;
import dev.parley.desktop.event.ReactionsChangedEvent;
import dev.parley.desktop.event.TypingChangedEvent;
import dev.parley.desktop.net.ConnectionState;
import dev.parley.desktop.net.ConnectionStatus;
import dev.parley.desktop.net.ObservableValue;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.UiServices;
import java.util.concurrent.Callable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window: who is signed in, the connection banner, and the service events dispatched to the conversation
 * list, the open chat and notifications. Events arrive on service threads and are handled on the UI thread.
 */
public final class MainViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    private final Callable<String> ownUsername;
    private final ObservableValue<ConnectionState> connection;
    private final EventBus bus;
    private final BackgroundTasks tasks;
    private final ConnectionBanner banner;
    private final PickupBanner pickup;
    private ConnectionState lastConnection = ConnectionState.DISCONNECTED;
    /**
     * This computer was unlinked from its account (issue #17): the banner says so from then on, and the window offers
     * nothing that needs an account.
     */
    private final ReadOnlyBooleanWrapper unlinked = new ReadOnlyBooleanWrapper(this, "unlinked", false);
    private final NotificationPolicy notifications;
    private final Notifier notifier;
    private final ConversationListViewModel conversations;
    private final ChatViewModel chat;
    private final SearchViewModel search;

    private final ReadOnlyStringWrapper username = new ReadOnlyStringWrapper(this, "username", "");
    private final javafx.beans.property.ObjectProperty<dev.parley.desktop.ui.common.ContactLook> ownLook =
            new javafx.beans.property.SimpleObjectProperty<>(this, "ownLook");
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online");
    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper(this, "bannerText", "");
    private final ReadOnlyBooleanWrapper receiving = new ReadOnlyBooleanWrapper(this, "receiving", false);
    private final ReadOnlyStringWrapper historyText = new ReadOnlyStringWrapper(this, "historyText", "");
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(this, "windowFocused", true);
    private final BooleanProperty notificationsEnabled = new SimpleBooleanProperty(this, "notificationsEnabled", true);
    private final BooleanProperty notificationText = new SimpleBooleanProperty(this, "notificationText", false);
    private final List<AutoCloseable> subscriptions = new ArrayList<>();

    /** The search result to open at when the selection changes next; null for the newest page. */
    private MessageView jumpTo;

    public MainViewModel(Callable<String> ownUsername, ObservableValue<ConnectionState> connection, EventBus bus,
                         BackgroundTasks tasks, ConnectionBanner banner, PickupBanner pickup,
                         NotificationPolicy notifications,
                         Notifier notifier, ConversationListViewModel conversations, ChatViewModel chat,
                         SearchViewModel search) {
        this.ownUsername = Objects.requireNonNull(ownUsername);
        this.connection = Objects.requireNonNull(connection);
        this.bus = Objects.requireNonNull(bus);
        this.tasks = Objects.requireNonNull(tasks);
        this.banner = Objects.requireNonNull(banner);
        this.pickup = Objects.requireNonNull(pickup);
        this.notifications = Objects.requireNonNull(notifications);
        this.notifier = Objects.requireNonNull(notifier);
        this.conversations = Objects.requireNonNull(conversations);
        this.chat = Objects.requireNonNull(chat);
        this.search = Objects.requireNonNull(search);
        chat.windowActiveProperty().bind(windowFocused);
        chat.actions().ownUsernameProperty().bind(username);
        windowFocused.addListener((obs, was, now) -> {
            if (now) {
                chat.windowActivated();
                markOpenConversationRead();
            }
        });
        conversations.selectedProperty().addListener((obs, was, now) -> openSelected(now));
    }

    public ConversationListViewModel conversations() {
        return conversations;
    }

    public ChatViewModel chat() {
        return chat;
    }

    public SearchViewModel search() {
        return search;
    }

    public ReadOnlyStringProperty usernameProperty() {
        return username.getReadOnlyProperty();
    }

    /**
     * How this user looks to their contacts: the display name and picture of the own profile (issue #14), following
     * a change without a restart; null until known (the header shows the username and initials meanwhile).
     */
    public javafx.beans.property.ObjectProperty<dev.parley.desktop.ui.common.ContactLook> ownLookProperty() {
        return ownLook;
    }

    /** Whether this computer was unlinked from its account and its data wiped (issue #17). */
    public ReadOnlyBooleanProperty unlinkedProperty() {
        return unlinked.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    /**
     * The banner's text: the connection problem when not online, else the offline-pickup progress while the queue
     * drains; empty otherwise.
     */
    public ReadOnlyStringProperty bannerTextProperty() {
        return bannerText.getReadOnlyProperty();
    }

    /** Issue #17: the progress of a history transfer arriving from another device of the account; empty otherwise. */
    public ReadOnlyStringProperty historyTextProperty() {
        return historyText.getReadOnlyProperty();
    }

    /** True while the banner shows pickup progress rather than a connection problem. */
    public ReadOnlyBooleanProperty receivingProperty() {
        return receiving.getReadOnlyProperty();
    }

    /** Shows pickup progress as if the messaging service had posted {@code event}; call on the UI thread. */
    public void showPickup(PickupProgressEvent event) {
        pickup.progress(event);
        refreshBanner();
    }

    /** Bound by the controller to the window's focus. */
    public BooleanProperty windowFocusedProperty() {
        return windowFocused;
    }

    public BooleanProperty notificationsEnabledProperty() {
        return notificationsEnabled;
    }

    public BooleanProperty notificationTextProperty() {
        return notificationText;
    }

    /** Loads the account and the conversations and starts listening to the services. Call once, on the UI thread. */
    public void start() {
        tasks.run(ownUsername, username::set,
                e -> LOG.warn("cannot read the account: {}", e.getClass().getSimpleName()));
        conversations.loadFirst();
        showConnection(connection.get());
        subscriptions.add(connection.addListener(s -> onUi(() -> showConnection(s)))::close);
        subscriptions.add(bus.subscribe(MessageReceivedEvent.class, e -> {
            MessageView m = dev.parley.desktop.ui.common.ServiceViews.view(e.message());
            onUi(() -> received(m));
        }));
        subscriptions.add(bus.subscribe(MessageStateChangedEvent.class, e -> onUi(() -> {
            chat.messageStatusChanged(e.contact(), e.messageId().value(), dev.parley.desktop.ui.common.ServiceViews.statusFor(e.state()));
            chat.actions().messageInfo().receiptArrived(e.messageId().value());
        })));
        subscriptions.add(bus.subscribe(MemberReceiptEvent.class, e -> onUi(() ->
                chat.actions().messageInfo().receiptArrived(e.messageId().value()))));
        subscriptions.add(bus.subscribe(ContactChangedEvent.class, e -> {
            ContactView c = dev.parley.desktop.ui.common.ServiceViews.view(e.contact());
            if (e.change() == ContactChangedEvent.Change.REMOVED) {
                onUi(() -> conversations.contactRemoved(c.username()));
            } else if (e.change() == ContactChangedEvent.Change.REQUEST_ACCEPTED) {
                onUi(conversations::refresh);
            } else if (e.contact().identityChange() != dev.parley.desktop.storage.IdentityChangeState.REQUEST) {
                onUi(() -> contactChanged(c));
            }
        }));
        subscriptions.add(bus.subscribe(ReactionsChangedEvent.class, e -> onUi(() ->
                chat.actions().reactionsChanged(e.messageId().value()))));
        subscriptions.add(bus.subscribe(MessageChangedEvent.class, e -> onUi(() -> messageChanged(e))));
        subscriptions.add(bus.subscribe(dev.parley.desktop.event.ConversationMarksChangedEvent.class, e -> onUi(() ->
                conversations.marksChanged(e.conversation(), e.muted(), e.archived()))));
        RemovalBatches removals = new RemovalBatches(tasks.uiThread(), (conversation, ids) -> {
            conversations.messageChanged(conversation);
            chat.actions().removedAll(ids);
        });
        subscriptions.add(bus.subscribe(dev.parley.desktop.event.MessagesRemovedEvent.class, e -> removals.removed(
                e.conversation(), () -> e.messageIds().stream().map(dev.parley.desktop.storage.MessageId::value)
                        .iterator())));
        subscriptions.add(bus.subscribe(TypingChangedEvent.class, e -> onUi(() ->
                chat.typingChanged(e.contact(), e.typing()))));
        subscriptions.add(bus.subscribe(GroupTypingChangedEvent.class, e -> onUi(() ->
                chat.groupTyping().changed(e.conversation(), e.member(), e.typing()))));
        subscriptions.add(bus.subscribe(ConnectionChangedEvent.class, e -> onUi(() -> showConnection(e.state()))));
        subscriptions.add(bus.subscribe(PickupProgressEvent.class, e -> onUi(() -> showPickup(e))));
        subscriptions.add(bus.subscribe(dev.parley.desktop.event.DeviceUnlinkedEvent.class, e -> onUi(this::unlinked)));
        subscriptions.add(bus.subscribe(dev.parley.desktop.event.HistoryTransferEvent.class, e -> onUi(() -> {
            pickup.history(e);
            historyText.set(pickup.historyText().orElse(""));
            long tenth = e.messagesTotal() == 0 ? 10 : 10 * e.messagesReceived() / e.messagesTotal();
            if (e.complete() || tenth != historyTenth) {
                historyTenth = tenth;
                conversations.refresh();     // conversations that came with the history, every tenth of it
            }
        })));
        chat.onSentProperty().set(conversations::messageSent);
        chat.onReadProperty().set(conversations::conversationRead);
    }

    /** The tenth of an incoming history transfer the conversation list was last reloaded at. */
    private long historyTenth = -1;

    /** Stops listening (on lock). */
    public void stop() {
        for (AutoCloseable s : subscriptions) {
            try {
                s.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot unsubscribe", e);
            }
        }
        subscriptions.clear();
        chat.close();
    }

    private void onUi(Runnable r) {
        tasks.uiThread().execute(r);
    }

    private void showConnection(ConnectionState state) {
        online.set(state.status() == ConnectionStatus.ONLINE);
        lastConnection = state;
        pickup.connectionChanged(state);
        refreshBanner();
    }

    /** The account's data was wiped from this unlinked computer: say why it is offline, show what is left. */
    private void unlinked() {
        unlinked.set(true);
        conversations.selectedProperty().set(null);
        conversations.showUnlinked();
        conversations.refresh();
        refreshBanner();
    }

    private void refreshBanner() {
        Optional<String> problem = unlinked.get() ? Optional.of(banner.unlinked()) : banner.text(lastConnection);
        Optional<String> progress = pickup.text();
        bannerText.set(problem.or(() -> progress).orElse(""));
        receiving.set(problem.isEmpty() && progress.isPresent());
    }

    private void received(MessageView message) {
        boolean open = message.contact().equals(conversations.selectedProperty().get());
        conversations.messageReceived(message, open && windowFocused.get());
        chat.messageReceived(message);
        // system lines (a timer change) and muted conversations raise no notification
        if (!message.system() && !conversations.isMuted(message.contact())) {
            notifications.decide(message, conversations.look(message.contact()).shown(), notificationsEnabled.get(),
                            notificationText.get(), windowFocused.get())
                    .ifPresent(notifier::show);
        }
    }

    private void messageChanged(MessageChangedEvent e) {
        String id = e.messageId().value();
        conversations.messageChanged(e.conversation());
        switch (e.change()) {
            case EDITED -> chat.actions().edited(id);
            case DELETED -> chat.actions().deleted(id);
            case REMOVED -> chat.actions().removed(id);
            default -> throw new IllegalStateException("unknown change");
        }
    }

    private void contactChanged(ContactView contact) {
        conversations.contactChanged(contact);
        chat.contactChanged(contact);
    }

    /**
     * Opens the conversation of a search result positioned at that message (see {@link ChatViewModel#openAt}); the
     * conversation list selects it.
     */
    public void openSearchResult(MessageView result) {
        conversations.filterProperty().set("");
        jumpTo = result;
        if (result.contact().equals(conversations.selectedProperty().get())) {
            openSelected(result.contact());
        } else {
            conversations.selectedProperty().set(result.contact());
        }
    }

    private void openSelected(String name) {
        MessageView jump = jumpTo;
        jumpTo = null;
        if (name == null) {
            chat.close();
            return;
        }
        conversations.allItems().stream().filter(i -> i.username().equals(name)).findFirst()
                .ifPresent(item -> {
                    if (jump != null && jump.contact().equals(name)) {
                        chat.openAt(item.contact(), jump);
                    } else {
                        chat.open(item.contact());
                    }
                    if (windowFocused.get()) {
                        conversations.conversationRead(name);
                    }
                });
    }

    private void markOpenConversationRead() {
        String open = conversations.selectedProperty().get();
        if (open != null) {
            conversations.conversationRead(open);
        }
    }
}
