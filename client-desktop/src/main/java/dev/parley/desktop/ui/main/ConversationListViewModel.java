package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.ContactLook;
import dev.parley.desktop.ui.common.ContactLookSource;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.ShownRows;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The conversation list: one item per contact with the newest message and the unread count, sorted by recent
 * activity and filtered by the filter box. The selection is the open conversation.
 */
public final class ConversationListViewModel {
    /** How many of the newest messages are inspected to count unread ones (the badge shows "99+" beyond). */
    static final int UNREAD_WINDOW = 100;

    private final UiServices services;
    private final BackgroundTasks tasks;
    private final UserMessages messages;

    private final ObservableList<ConversationItem> items = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    /** Every conversation in the list's order, re-sorted when the conversations change (not per keystroke). */
    private final List<ConversationItem> ordered = new ArrayList<>();
    /** What the list shows: a keystroke changes only the rows that differ (issue #14). */
    private final ShownRows<ConversationItem> sorted = new ShownRows<>();
    private final ConversationFilter filtering = new ConversationFilter(u -> this.looks.looks().get(u));
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final StringBinding emptyText;
    private final javafx.beans.property.BooleanProperty showArchived =
            new javafx.beans.property.SimpleBooleanProperty(this, "showArchived", false);
    private final javafx.beans.binding.IntegerBinding archivedCount;
    /** This computer was unlinked from its account (issue #17): the empty list says so. */
    private final javafx.beans.property.BooleanProperty unlinked =
            new javafx.beans.property.SimpleBooleanProperty(this, "unlinked", false);
    private java.util.function.Consumer<ContactView> groupChanged = c -> { };
    private ContactLookSource looks = ContactLookSource.none();
    private boolean firstLoadStarted;

    public ConversationListViewModel(UiServices services, BackgroundTasks tasks, UserMessages messages) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        filter.addListener((obs, was, now) -> filterItems());
        showArchived.addListener((obs, was, now) -> filterItems());
        items.addListener((javafx.collections.ListChangeListener<ConversationItem>) c -> itemsChanged());
        filterItems();
        archivedCount = Bindings.createIntegerBinding(
                () -> (int) items.stream().filter(ConversationItem::archived).count(), items);
        emptyText = Bindings.createStringBinding(() -> !sorted.isEmpty() ? ""
                : items.isEmpty() ? messages.get(unlinked.get() ? "connection.unlinked" : "main.noConversations")
                : messages.get("main.noMatches", filter.get().strip()), sorted, items, filter, unlinked);
    }

    /** The conversations changed: re-sorted once here, so a filter keystroke neither sorts nor re-tests them all. */
    private void itemsChanged() {
        ordered.clear();
        ordered.addAll(items);
        ordered.sort(ConversationItem.BY_RECENT_ACTIVITY);
        filtering.invalidate();
        filtering.retainOnly(items.stream().map(ConversationItem::username)
                .collect(java.util.stream.Collectors.toSet()));
        filterItems();
    }

    private void filterItems() {
        sorted.show(filtering.apply(ordered, filter.get(), showArchived.get()));
    }

    /**
     * Shows contacts with their names, avatars and presence from {@code source} (issue #14): every listed contact's
     * look is requested, and a changed look re-filters the list (filtering matches names too).
     */
    public void useLooks(ContactLookSource source) {
        looks = Objects.requireNonNull(source);
        requestInListOrder(source);
        items.addListener((javafx.collections.ListChangeListener<ConversationItem>) c -> {
            boolean added = false;
            while (c.next()) {
                added |= c.wasAdded();
            }
            if (added) {
                requestInListOrder(source);
            }
        });
        source.looks().addListener((javafx.collections.MapChangeListener<String, ContactLook>) c -> {
            filtering.invalidate();
            if (!filter.get().isBlank()) {
                filterItems();
            }
        });
    }

    /**
     * Requests every listed person's look, those the list shows first in the order it shows them (the sorted list is
     * already updated when the items' listeners run: it listens from construction), so the rows on screen get their
     * avatars first; a look already requested is not requested again.
     */
    private void requestInListOrder(ContactLookSource source) {
        sorted.forEach(i -> source.request(i.username()));
        items.forEach(i -> source.request(i.username()));
    }

    /** How {@code username} looks (their username and initials until their look is loaded). */
    public ContactLook look(String username) {
        ContactLook look = looks.looks().get(username);
        return look != null ? look : ContactLook.plain(username);
    }

    /** The looks shown, by username (changes on the FX thread). */
    public javafx.collections.ObservableMap<String, ContactLook> looks() {
        return looks.looks();
    }

    /** This computer was unlinked and its account's data wiped: the (empty) list says why, not "no conversations". */
    public void showUnlinked() {
        unlinked.set(true);
    }

    /** Whether the list shows the archived conversations (instead of the others). */
    public javafx.beans.property.BooleanProperty showArchivedProperty() {
        return showArchived;
    }

    /** How many conversations are archived. */
    public javafx.beans.binding.IntegerBinding archivedCountBinding() {
        return archivedCount;
    }

    /** Mutes or unmutes the conversation: a muted one raises no notification. */
    public void setMuted(String username, boolean muted) {
        tasks.run(() -> services.mute(username, muted), marksChanged(username), e -> error.set(messages.describe(e)));
    }

    /** Archives or unarchives the conversation: an archived one is listed under "Archived". */
    public void setArchived(String username, boolean archived) {
        tasks.run(() -> services.archive(username, archived), marksChanged(username),
                e -> error.set(messages.describe(e)));
    }

    /** What the empty list says: nothing while it shows conversations, else none yet, or none match the filter. */
    public StringBinding emptyTextBinding() {
        return emptyText;
    }

    /** What the list shows: filtered and sorted (read-only). */
    public ObservableList<ConversationItem> visibleItems() {
        return sorted;
    }

    /** Every conversation, unsorted. */
    public ObservableList<ConversationItem> allItems() {
        return items;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The username of the open conversation, or null. */
    public ObjectProperty<String> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * Starts the first read of the list, once (later calls do nothing): the app calls it before it builds the main
     * window's views, so the query runs while they are built rather than after (issue #14: the first paint).
     */
    public void loadFirst() {
        if (!firstLoadStarted) {
            firstLoadStarted = true;
            refresh();
        }
    }

    /** Reloads every conversation from the services (after unlock, or after contacts changed). */
    public void refresh() {
        tasks.run(this::loadAll, items::setAll, e -> error.set(messages.describe(e)));
    }

    /**
     * Every conversation: partners, their newest message and unread count from one summary query (not a history page
     * per conversation: with a thousand conversations that was a thousand queries before the list could show).
     */
    private List<ConversationItem> loadAll() throws Exception {
        List<ConversationItem> loaded = new ArrayList<>();
        java.util.Map<String, UiServices.Marks> marks = services.conversationMarks();
        java.util.Map<String, UiServices.Summary> summaries = services.summaries();
        List<ContactView> partners = new ArrayList<>(services.contacts());
        partners.addAll(services.groups());
        for (ContactView c : partners) {
            UiServices.Marks m = marks.getOrDefault(c.username(), UiServices.Marks.NONE);
            UiServices.Summary s = summaries.get(c.username());
            ConversationItem item = s == null ? new ConversationItem(c, Optional.empty(), 0)
                    : new ConversationItem(c, Optional.of(s.last()), s.unread());
            loaded.add(item.withMarks(m.muted(), m.archived()));
        }
        return loaded;
    }

    private java.util.function.Consumer<UiServices.Marks> marksChanged(String username) {
        return m -> {
            int i = indexOf(username);
            if (i >= 0) {
                items.set(i, items.get(i).withMarks(m.muted(), m.archived()));
            }
        };
    }

    /**
     * A service event: the conversation's marks changed, here or on another device of this account (issue #17), so
     * the list shows a synced mute or archive at once.
     */
    public void marksChanged(String username, boolean muted, boolean archived) {
        marksChanged(username).accept(new UiServices.Marks(muted, archived));
    }

    /** Whether the conversation with {@code username} is muted (as loaded). */
    public boolean isMuted(String username) {
        int i = indexOf(username);
        return i >= 0 && items.get(i).muted();
    }

    private ConversationItem load(ContactView c) throws Exception {
        UiServices.Page page = services.recent(c.username(), UNREAD_WINDOW);
        int unread = (int) page.newestFirst().stream().filter(MessageView::unread).count();
        return new ConversationItem(c, page.newestFirst().stream().findFirst(), unread);
    }

    /**
     * A service event: a message of the conversation was edited or deleted; its preview is reloaded, so a text
     * deleted for everyone does not stay on screen in the list. A row that reloads unchanged is not replaced: the
     * disappearing sweep reloads it after every batch while removing the oldest messages, which changes nothing shown,
     * and a replaced row is laid out, styled and drawn again.
     */
    public void messageChanged(String username) {
        int i = indexOf(username);
        if (i < 0) {
            return;
        }
        ContactView c = items.get(i).contact();
        tasks.run(() -> load(c), item -> {
            int now = indexOf(username);
            if (now >= 0) {
                ConversationItem shown = items.get(now);
                ConversationItem reloaded = item.withMarks(shown.muted(), shown.archived());
                if (!reloaded.equals(shown)) {
                    items.set(now, reloaded);
                }
            }
        }, e -> error.set(messages.describe(e)));
    }

    /** A service event: a message arrived; it counts as unread unless its conversation is open and seen. */
    public void messageReceived(MessageView message, boolean seen) {
        int i = indexOf(message.contact());
        boolean counts = message.unread() && !(seen && message.contact().equals(selected.get()));
        if (i < 0) {
            refresh();
            return;
        }
        items.set(i, items.get(i).withMessage(message, counts ? 1 : 0));
        if (items.get(i).archived() && !message.outgoing() && !message.system()) {
            // The service unarchives a conversation a message arrives in (unless muted): show what it stored.
            String username = message.contact();
            tasks.run(() -> services.marks(username), marksChanged(username), e -> error.set(messages.describe(e)));
        }
        if (message.system() && items.get(i).contact().isGroup()) {
            reloadGroup(message.contact(), groupChanged);
        }
    }

    /** Who hears of a group whose title or members changed (the open chat's header). */
    public void onGroupChanged(java.util.function.Consumer<ContactView> listener) {
        groupChanged = Objects.requireNonNull(listener);
    }

    /**
     * Reloads a group's title and member count (after a change to it, made here or by another member) and hands the
     * new view to {@code then} (the open chat's header follows it).
     */
    public void reloadGroup(String conversation, java.util.function.Consumer<ContactView> then) {
        tasks.run(() -> load(services.contact(conversation)), item -> {
            int now = indexOf(conversation);
            if (now < 0) {
                items.add(item);
            } else {
                items.set(now, item.withMarks(items.get(now).muted(), items.get(now).archived()));
            }
            then.accept(item.contact());
        }, e -> error.set(messages.describe(e)));
    }

    /** The user sent a message (it becomes the preview). */
    public void messageSent(MessageView message) {
        int i = indexOf(message.contact());
        if (i >= 0) {
            items.set(i, items.get(i).withMessage(message, 0));
        }
    }

    /** The open conversation was read: its badge clears. */
    public void conversationRead(String username) {
        int i = indexOf(username);
        if (i >= 0 && items.get(i).unread() > 0) {
            ConversationItem old = items.get(i);
            items.set(i, old.withUnread(0));
        }
    }

    /** A service event: a contact or message request was removed (deleted, blocked); its row goes (#14). */
    public void contactRemoved(String username) {
        int i = indexOf(username);
        if (i >= 0) {
            items.remove(i);
        }
        if (username.equals(selected.get())) {
            selected.set(null);
        }
    }

    /** A service event: a contact was added or its trust changed. */
    public void contactChanged(ContactView contact) {
        int i = indexOf(contact.username());
        if (i < 0) {
            items.add(new ConversationItem(contact, Optional.empty(), 0));
        } else {
            ConversationItem old = items.get(i);
            items.set(i, old.withContact(contact));
        }
    }

    /** Deletes the conversation with {@code username} from this computer, removes the contact, closes its chat. */
    public void deleteConversation(String username) {
        deleteConversation(username, false);
    }

    /**
     * As {@link #deleteConversation(String)}; for a group this user still belongs to, {@code leaveGroup} says whether
     * they leave it too (its row goes) or stay (its row stays, empty, until the next message).
     */
    public void deleteConversation(String username, boolean leaveGroup) {
        int at = indexOf(username);
        boolean staysInGroup = at >= 0 && items.get(at).contact().isGroup() && items.get(at).contact().group().active()
                && !leaveGroup;
        if (username.equals(selected.get())) {
            selected.set(null);
        }
        if (!staysInGroup && at >= 0) {
            items.remove(at);       // at once: the services hide it in one small transaction, its rows go later
        }
        tasks.run(() -> UiServices.isGroup(username) ? services.deleteGroupConversation(username, leaveGroup)
                : services.deleteConversation(username), deleted -> {
            if (staysInGroup) {
                reloadGroup(username, c -> { });
            }
        }, e -> {
            error.set(messages.describe(e));
            refresh();              // it was not deleted: show it again
        });
    }

    /** Total unread over all conversations (for the window title). */
    public int totalUnread() {
        return items.stream().mapToInt(ConversationItem::unread).sum();
    }

    private int indexOf(String username) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).username().equals(username)) {
                return i;
            }
        }
        return -1;
    }
}
