package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.ManualDelays;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import dev.parley.desktop.ui.main.ChatRow;
import dev.parley.desktop.ui.main.ChatTimeline;
import dev.parley.desktop.ui.main.ChatViewModel;
import dev.parley.desktop.ui.main.ConnectionBanner;
import dev.parley.desktop.ui.main.ConversationItem;
import dev.parley.desktop.ui.main.ConversationListViewModel;
import dev.parley.desktop.ui.main.MainViewModel;
import dev.parley.desktop.ui.main.NotificationPolicy;
import dev.parley.desktop.ui.main.PickupBanner;
import dev.parley.desktop.ui.main.SearchViewModel;
import dev.parley.desktop.ui.unlock.NewProfile;
import dev.parley.desktop.ui.unlock.RelayChoice;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #12 mute, archive and the disappearing-messages picker through the desktop's view models over the real services
 * (real relay, bob a second real client), without a toolkit: a muted conversation raises no notification while its
 * messages still arrive and count; an archived one leaves the main list for the Archived section and stays there
 * after a reload; the timer set in the chat reaches bob and shows as a system line, and bob's change shows here;
 * unread counts and the "N new messages" divider stay right while the window is away, and the divider moves below
 * the user's reply; a new message brings an archived conversation back; expired messages leave the open chat.
 */
class ChatStateOverRealServicesTest {
    @TempDir
    Path tmp;

    private UiTestNetwork net;
    private ProfileSessions sessions;
    private ParleyApp bob;
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final List<NotificationPolicy.Notification> shown = new CopyOnWriteArrayList<>();
    private final MovableClock clock = new MovableClock(ZoneOffset.UTC);
    private MainViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        net = new UiTestNetwork(tmp);
        sessions = net.desktopSessions(clock);
        bob = net.otherClient("bob");
        sessions.create("alice", new NewProfile("alice", UiTestNetwork.PASSPHRASE.toCharArray(), RelayChoice.REMOTE,
                Optional.of(new RelayAddress(net.relay.uri(), Optional.empty())), Optional.empty()));
        UnlockedSession session = sessions.session();
        session.services().addContact("bob");
        bob.contacts().add("alice");
        BackgroundTasks tasks = new BackgroundTasks(Runnable::run, ui);
        UserMessages messages = new UserMessages(ViewLoader.defaultBundle());
        ChatViewModel chat = new ChatViewModel(session.services(), tasks, new ChatTimeline(ZoneOffset.UTC), messages);
        ConversationListViewModel list = new ConversationListViewModel(session.services(), tasks, messages);
        SearchViewModel search = new SearchViewModel(session.services(), tasks, messages, new ManualDelays());
        vm = new MainViewModel(session.username(), session.connection(), session.bus(), tasks,
                new ConnectionBanner(Clock.systemUTC(), messages), new PickupBanner(messages),
                new NotificationPolicy(messages), shown::add, list, chat, search);
        onUi(() -> {
            vm.start();
            vm.windowFocusedProperty().set(false);
            return null;
        });
        await(() -> item().isPresent());
    }

    @AfterEach
    void tearDown() {
        ui.shutdownNow();
        sessions.close();
        net.close();
    }

    @Test
    void aMutedConversationRaisesNoNotificationButItsMessagesCount() throws Exception {
        bob.messaging().send("alice", "one");
        await(() -> shown.size() == 1);

        onUi(() -> {
            vm.conversations().setMuted("bob", true);
            return null;
        });
        await(() -> item().map(ConversationItem::muted).orElse(false));
        bob.messaging().send("alice", "two");
        await(() -> item().map(ConversationItem::preview).orElse("").equals("two"));
        assertThat(item().orElseThrow().unread()).isEqualTo(2);
        assertThat(shown).hasSize(1);

        onUi(() -> {
            vm.conversations().setMuted("bob", false);
            return null;
        });
        await(() -> !item().map(ConversationItem::muted).orElse(true));
        bob.messaging().send("alice", "three");
        await(() -> shown.size() == 2);
    }

    @Test
    void anArchivedConversationIsListedApartAndStaysArchivedAfterAReload() throws Exception {
        ConversationListViewModel list = vm.conversations();
        onUi(() -> {
            list.setArchived("bob", true);
            return null;
        });
        await(() -> item().map(ConversationItem::archived).orElse(false));
        assertThat(onUi(() -> List.copyOf(list.visibleItems()))).isEmpty();
        assertThat(onUi(() -> list.archivedCountBinding().get())).isEqualTo(1);
        onUi(() -> {
            list.showArchivedProperty().set(true);
            return null;
        });
        assertThat(onUi(() -> list.visibleItems().stream().map(ConversationItem::username).toList()))
                .containsExactly("bob");

        onUi(() -> {
            list.showArchivedProperty().set(false);
            list.refresh();
            return null;
        });
        await(() -> item().map(ConversationItem::archived).orElse(false));
        assertThat(onUi(() -> List.copyOf(list.visibleItems()))).isEmpty();
        assertThat(sessions.session().services().conversationMarks().get("bob").archived()).isTrue();

        onUi(() -> {
            list.setArchived("bob", false);
            return null;
        });
        await(() -> !item().map(ConversationItem::archived).orElse(true));
        assertThat(onUi(() -> list.visibleItems().stream().map(ConversationItem::username).toList()))
                .containsExactly("bob");
    }

    @Test
    void aNewMessageBringsAnArchivedConversationBackToTheList() throws Exception {
        ConversationListViewModel list = vm.conversations();
        onUi(() -> {
            list.setArchived("bob", true);
            return null;
        });
        await(() -> item().map(ConversationItem::archived).orElse(false));
        bob.messaging().send("alice", "back from holiday");
        await(() -> item().map(ConversationItem::preview).orElse("").equals("back from holiday"));
        await(() -> !item().map(ConversationItem::archived).orElse(true));
        assertThat(onUi(() -> list.visibleItems().stream().map(ConversationItem::username).toList()))
                .containsExactly("bob");
    }

    @Test
    void expiredMessagesLeaveTheOpenChatAndTheListInOneBatch() throws Exception {
        ChatViewModel chat = vm.chat();
        bob.messaging().send("alice", "stays");
        await(() -> item().map(ConversationItem::preview).orElse("").equals("stays"));
        onUi(() -> {
            vm.conversations().selectedProperty().set("bob");
            return null;
        });
        await(() -> lastText(chat).equals("stays"));
        bob.actions().setDisappearing("alice", DisappearingTimer.SECONDS_30);
        await(() -> chat.timer().timerProperty().get() == DisappearingTimer.SECONDS_30);
        for (int i = 0; i < 5; i++) {
            bob.messaging().send("alice", "gone soon " + i);
        }
        await(() -> lastText(chat).equals("gone soon 4"));

        clock.advance(java.time.Duration.ofSeconds(31));
        await(() -> lastText(chat).equals("bob set disappearing messages to 30 seconds"));
        assertThat(onUi(() -> chat.rows().stream().filter(r -> r instanceof ChatRow.MessageRow)
                .map(r -> ((ChatRow.MessageRow) r).message().text()).toList()))
                .containsExactly("stays", "bob set disappearing messages to 30 seconds");
        await(() -> item().map(ConversationItem::preview).orElse("").equals("bob set disappearing messages to 30 seconds"));
    }

    /**
     * The sweep reloads the conversation's row after every batch; when what it shows (newest message, unread count)
     * did not change, the row is not replaced, so the list does not lay out, style and draw it again for nothing
     * (a sweep of 100,000 messages replaced it 200 times).
     */
    @Test
    void expiredOlderMessagesLeaveTheConversationRowAsItWas() throws Exception {
        ChatViewModel chat = vm.chat();
        onUi(() -> {
            vm.conversations().selectedProperty().set("bob");
            vm.windowFocusedProperty().set(true);
            return null;
        });
        await(() -> chat.contactProperty().get() != null);
        bob.actions().setDisappearing("alice", DisappearingTimer.SECONDS_30);
        for (int i = 0; i < 3; i++) {
            bob.messaging().send("alice", "gone soon " + i);
        }
        bob.actions().setDisappearing("alice", DisappearingTimer.OFF);
        String newest = "bob turned off disappearing messages";
        await(() -> item().map(ConversationItem::preview).orElse("").equals(newest)
                && item().map(ConversationItem::unread).orElse(-1) == 0);
        List<javafx.collections.ListChangeListener.Change<? extends ConversationItem>> changes =
                new CopyOnWriteArrayList<>();
        onUi(() -> {
            vm.conversations().allItems().addListener(
                    (javafx.collections.ListChangeListener<ConversationItem>) changes::add);
            return null;
        });

        clock.advance(java.time.Duration.ofSeconds(31));
        await(() -> chatTexts(chat).stream().noneMatch(t -> t.startsWith("gone soon")));
        onUi(() -> null); // the row's reload, queued behind the removal, has run
        onUi(() -> null);
        assertThat(item().map(ConversationItem::preview)).contains(newest);
        assertThat(changes).as("the row showed the same before and after: not replaced").isEmpty();
    }

    private List<String> chatTexts(ChatViewModel chat) {
        return onUiQuietly(() -> chat.rows().stream().filter(r -> r instanceof ChatRow.MessageRow)
                .map(r -> ((ChatRow.MessageRow) r).message().text()).toList());
    }

    @Test
    void theTimerPickedInTheChatReachesBobAndBobsChangeShowsHere() throws Exception {
        ChatViewModel chat = vm.chat();
        onUi(() -> {
            vm.conversations().selectedProperty().set("bob");
            return null;
        });
        await(() -> chat.contactProperty().get() != null);
        onUi(() -> {
            chat.timer().set(DisappearingTimer.HOUR_1);
            return null;
        });
        await(() -> chat.timer().timerProperty().get() == DisappearingTimer.HOUR_1);
        await(() -> systemLines(chat).contains("You set disappearing messages to 1 hour"));
        await(() -> {
            try {
                return bob.actions().disappearing("alice") == DisappearingTimer.HOUR_1;
            } catch (Exception e) {
                return false;
            }
        });

        bob.actions().setDisappearing("alice", DisappearingTimer.MINUTES_5);
        await(() -> chat.timer().timerProperty().get() == DisappearingTimer.MINUTES_5);
        await(() -> systemLines(chat).contains("bob set disappearing messages to 5 minutes"));
        assertThat(shown).as("a system line raises no notification").isEmpty();
    }

    @Test
    void unreadCountsAndTheNewMessagesDividerStayRightAndTheDividerMovesBelowAReply() throws Exception {
        ChatViewModel chat = vm.chat();
        onUi(() -> {
            vm.conversations().selectedProperty().set("bob");
            return null;
        });
        await(() -> chat.contactProperty().get() != null);
        bob.messaging().send("alice", "first");
        bob.messaging().send("alice", "second");
        await(() -> markers(chat).equals(List.of(2)));
        await(() -> item().map(ConversationItem::unread).orElse(0) == 2);

        onUi(() -> {
            vm.windowFocusedProperty().set(true);
            return null;
        });
        await(() -> item().map(ConversationItem::unread).orElse(-1) == 0);
        assertThat(markers(chat)).as("the divider stays while the conversation is open").containsExactly(2);

        onUi(() -> {
            chat.draftProperty().set("on my way");
            chat.send();
            return null;
        });
        await(() -> markers(chat).isEmpty() && lastText(chat).equals("on my way"));
        onUi(() -> {
            vm.windowFocusedProperty().set(false);
            return null;
        });
        bob.messaging().send("alice", "see you");
        await(() -> lastText(chat).equals("see you"));
        await(() -> markers(chat).equals(List.of(1)));
        List<ChatRow> tail = onUi(() -> List.copyOf(chat.rows().subList(chat.rows().size() - 3, chat.rows().size())));
        assertThat(tail.get(1)).isEqualTo(new ChatRow.UnreadMarker(1));
        assertThat(((ChatRow.MessageRow) tail.get(0)).message().text()).isEqualTo("on my way");
        await(() -> item().map(ConversationItem::unread).orElse(0) == 1);
    }

    private List<Integer> markers(ChatViewModel chat) {
        return onUiQuietly(() -> chat.rows().stream().filter(r -> r instanceof ChatRow.UnreadMarker)
                .map(r -> ((ChatRow.UnreadMarker) r).count()).toList());
    }

    private String lastText(ChatViewModel chat) {
        return onUiQuietly(() -> chat.rows().isEmpty() || !(chat.rows().get(chat.rows().size() - 1) instanceof ChatRow.MessageRow m)
                ? "" : m.message().text());
    }

    private List<String> systemLines(ChatViewModel chat) {
        return onUiQuietly(() -> chat.rows().stream().filter(r -> r instanceof ChatRow.MessageRow)
                .map(r -> ((ChatRow.MessageRow) r).message()).filter(MessageView::system).map(MessageView::text).toList());
    }

    private Optional<ConversationItem> item() {
        return onUiQuietly(() -> vm.conversations().allItems().stream().filter(i -> i.username().equals("bob")).findFirst());
    }

    private <T> T onUi(Callable<T> action) throws Exception {
        return ui.submit(action).get(30, TimeUnit.SECONDS);
    }

    private <T> T onUiQuietly(Callable<T> action) {
        try {
            return onUi(action);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        assertThat(UiTestNetwork.await(condition, DesktopFixture.TIMEOUT)).isTrue();
    }
}
