package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.ManualDelays;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.Theme;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import dev.parley.desktop.ui.contacts.AddContactViewModel;
import dev.parley.desktop.ui.main.ChatRow;
import dev.parley.desktop.ui.main.ChatTimeline;
import dev.parley.desktop.ui.main.ChatViewModel;
import dev.parley.desktop.ui.main.ConversationListViewModel;
import dev.parley.desktop.ui.main.SearchViewModel;
import dev.parley.desktop.ui.settings.SettingsValues;
import dev.parley.desktop.ui.settings.SettingsViewModel;
import dev.parley.desktop.ui.unlock.OnboardingViewModel;
import dev.parley.desktop.ui.unlock.RelayChoice;
import dev.parley.desktop.ui.unlock.UnlockViewModel;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The view models' logic over the real services (real relay on loopback, real encrypted profiles), without a
 * toolkit: background work runs synchronously. One network for the class; the tests build on each other in order
 * (create, unlock, chat, settings), as a user would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewModelsOverRealServicesTest {
    private static final int BOB_MESSAGES = 75;

    private Path tmp;
    private UiTestNetwork net;
    private ProfileSessions sessions;
    private ParleyApp bob;
    private final BackgroundTasks tasks = BackgroundTasks.synchronous();
    private final UserMessages messages = new UserMessages(ViewLoader.defaultBundle());

    @BeforeAll
    void network(@TempDir Path dir) throws Exception {
        tmp = dir;
        net = new UiTestNetwork(tmp);
        sessions = net.desktopSessions();
        bob = net.otherClient("bob");
    }

    @AfterAll
    void close() {
        sessions.close();
        net.close();
    }

    @Test
    @Order(1)
    void onboardingChecksEveryFieldThenCreatesTheProfile() throws Exception {
        OnboardingViewModel vm = new OnboardingViewModel("alice", sessions, tasks, messages);
        AtomicBoolean created = new AtomicBoolean();
        vm.onCreatedProperty().set(() -> created.set(true));
        assertThat(vm.usernameProperty().get()).isEqualTo("alice");
        assertThat(vm.canCreateBinding().get()).isFalse();

        vm.passphraseProperty().set("password");
        vm.confirmationProperty().set("password");
        assertThat(vm.canCreateBinding().get()).as("a common passphrase").isFalse();

        vm.passphraseProperty().set(UiTestNetwork.PASSPHRASE);
        vm.confirmationProperty().set(UiTestNetwork.PASSPHRASE + "x");
        assertThat(vm.confirmationHintBinding().get()).isEqualTo("The passphrases do not match.");
        assertThat(vm.canCreateBinding().get()).isFalse();
        vm.confirmationProperty().set(UiTestNetwork.PASSPHRASE);

        vm.usernameProperty().set("Alice!");
        assertThat(vm.usernameHintBinding().get()).startsWith("Use a-z");
        assertThat(vm.canCreateBinding().get()).isFalse();
        vm.usernameProperty().set("alice");

        vm.relayChoiceProperty().set(RelayChoice.REMOTE);
        vm.relayAddressProperty().set("http://127.0.0.1/parley");
        assertThat(vm.relayHintBinding().get()).contains("ws://");
        assertThat(vm.canCreateBinding().get()).isFalse();
        vm.relayAddressProperty().set("wss://relay.example:8443/parley");
        assertThat(vm.relayHintBinding().get()).as("wss needs a pinned certificate").isNotEmpty();
        vm.relayAddressProperty().set(net.relayUri());
        assertThat(vm.canCreateBinding().get()).isTrue();

        vm.create();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(created).isTrue();
        assertThat(vm.passphraseProperty().get()).as("the passphrase is not kept").isEmpty();
        assertThat(sessions.session()).isNotNull();

        // the optional profile step that follows (#14): a refused name keeps it open; nothing entered is a skip
        dev.parley.desktop.ui.people.ProfileStepViewModel step =
                new dev.parley.desktop.ui.people.ProfileStepViewModel(sessions.session().people(), tasks, messages);
        AtomicInteger done = new AtomicInteger();
        step.onDoneProperty().set(done::incrementAndGet);
        step.displayNameProperty().set("x".repeat(65));
        step.save();
        assertThat(step.errorProperty().get()).isNotEmpty();
        assertThat(done).hasValue(0);
        step.displayNameProperty().set("  ");
        step.save();
        assertThat(done).as("Continue with nothing entered skips").hasValue(1);
        step.skip();
        assertThat(done).hasValue(2);
        assertThat(sessions.session().people().ownProfile().displayName()).as("nothing saved").isEmpty();
    }

    @Test
    @Order(2)
    void unlockSaysWrongPassphraseAndCountsAttempts() throws Exception {
        sessions.lock();
        UnlockViewModel vm = new UnlockViewModel("alice", sessions.profiles(), sessions, tasks, messages);
        AtomicBoolean unlocked = new AtomicBoolean();
        vm.onUnlockedProperty().set(() -> unlocked.set(true));
        assertThat(vm.severalProfilesBinding().get()).isFalse();
        assertThat(vm.canUnlockBinding().get()).isFalse();

        vm.passphraseProperty().set("not it");
        vm.unlock();
        assertThat(vm.errorProperty().get()).isEqualTo("Wrong passphrase. Try again.");
        assertThat(vm.wrongAttemptsProperty().get()).isEqualTo(1);
        assertThat(vm.passphraseProperty().get()).isEmpty();
        assertThat(unlocked).isFalse();

        vm.passphraseProperty().set(UiTestNetwork.PASSPHRASE);
        vm.unlock();
        assertThat(unlocked).isTrue();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    @Order(3)
    void addContactRefusesBadAndUnknownNames() {
        AddContactViewModel vm = new AddContactViewModel(sessions.session().services(), tasks, messages);
        AtomicReference<ContactView> added = new AtomicReference<>();
        vm.onAddedProperty().set(added::set);
        vm.usernameProperty().set("no spaces allowed");
        assertThat(vm.canAddBinding().get()).isFalse();
        vm.usernameProperty().set("nobody-here");
        vm.add();
        assertThat(vm.errorProperty().get()).isEqualTo("The relay knows no user with that name.");
        assertThat(added.get()).isNull();
        vm.usernameProperty().set("alice");
        vm.add();
        assertThat(vm.errorProperty().get()).as("#18 item 3: adding yourself")
                .isEqualTo("That is your own username: add the person you want to talk to.");
        assertThat(added.get()).isNull();
        vm.usernameProperty().set("@Bob");
        vm.add();
        assertThat(added.get()).isEqualTo(new ContactView("bob", false, false));
    }

    @Test
    @Order(4)
    void chatLoadsPagesOnDemandMarksReadAndSends() throws Exception {
        UiServices alice = sessions.session().services();
        bob.contacts().add("alice");
        for (int i = 1; i <= BOB_MESSAGES; i++) {
            bob.messaging().send("alice", "message " + i);
        }
        assertThat(UiTestNetwork.await(() -> count(alice) == BOB_MESSAGES, DesktopFixture.TIMEOUT)).isTrue();

        ConversationListViewModel list = new ConversationListViewModel(alice, tasks, messages);
        list.refresh();
        assertThat(list.visibleItems()).extracting(i -> i.username()).containsExactly("bob");
        assertThat(list.visibleItems().get(0).unread()).isEqualTo(BOB_MESSAGES);
        assertThat(list.visibleItems().get(0).preview()).isEqualTo("message " + BOB_MESSAGES);
        list.filterProperty().set("zzz");
        assertThat(list.visibleItems()).isEmpty();

        ChatViewModel chat = new ChatViewModel(alice, tasks, new ChatTimeline(ZoneOffset.UTC), messages);
        AtomicInteger prepended = new AtomicInteger();
        chat.onPrependedProperty().set(prepended::addAndGet);
        chat.open(alice.contact("bob"));
        assertThat(bubbles(chat)).hasSize(ChatViewModel.PAGE_SIZE);
        assertThat(chat.rows()).anyMatch(r -> r.equals(new ChatRow.UnreadMarker(ChatViewModel.PAGE_SIZE)));
        assertThat(bubbles(chat)).allMatch(m -> m.status() == MessageView.Status.SEEN);
        assertThat(chat.hasOlder()).isTrue();

        chat.loadOlder();
        assertThat(bubbles(chat)).hasSize(BOB_MESSAGES);
        assertThat(bubbles(chat).get(0).text()).isEqualTo("message 1");
        assertThat(bubbles(chat).get(BOB_MESSAGES - 1).text()).isEqualTo("message " + BOB_MESSAGES);
        assertThat(chat.hasOlder()).isFalse();
        assertThat(prepended.get()).isEqualTo(BOB_MESSAGES - ChatViewModel.PAGE_SIZE);

        assertThat(chat.canSendBinding().get()).as("blank draft").isFalse();
        chat.draftProperty().set("  hello bob  ");
        chat.send();
        MessageView sent = bubbles(chat).get(BOB_MESSAGES);
        assertThat(sent.outgoing()).isTrue();
        assertThat(sent.text()).isEqualTo("hello bob");
        assertThat(chat.draftProperty().get()).isEmpty();

        ManualDelays delays = new ManualDelays();
        SearchViewModel search = new SearchViewModel(alice, tasks, messages, delays);
        search.openProperty().set(true);
        search.queryProperty().set("message");
        search.queryProperty().set("message 1");
        search.queryProperty().set("message 12");
        assertThat(search.results()).as("typing: nothing yet").isEmpty();
        assertThat(delays.waiting()).as("one debounced search, not one per key").isEqualTo(1);
        delays.elapse();
        assertThat(search.results()).extracting(MessageView::text).contains("message 12");
        search.queryProperty().set("message 13");
        search.search();
        assertThat(delays.waiting()).as("Enter runs it at once and cancels the pending one").isZero();
        assertThat(search.results()).extracting(MessageView::text).contains("message 13");
    }

    @Test
    @Order(5)
    void anUnacknowledgedIdentityChangeBlocksTheComposer() throws Exception {
        UiServices alice = sessions.session().services();
        ChatViewModel chat = new ChatViewModel(alice, tasks, new ChatTimeline(ZoneOffset.UTC), messages);
        chat.open(alice.contact("bob"));
        int rows = chat.rows().size();
        chat.contactChanged(new ContactView("bob", false, true));
        chat.draftProperty().set("should not go out");
        assertThat(chat.identityChangedBinding().get()).isTrue();
        assertThat(chat.canSendBinding().get()).isFalse();
        chat.send();
        assertThat(chat.rows()).hasSize(rows);

        chat.acknowledgeIdentityChange();
        assertThat(chat.identityChangedBinding().get()).isFalse();
        assertThat(chat.canSendBinding().get()).isTrue();
    }

    @Test
    @Order(7)
    void settingsAreSavedAtOnceAndAWrongCurrentPassphraseIsRefused() {
        SettingsViewModel vm = new SettingsViewModel(sessions.session().settings(), tasks, messages);
        AtomicReference<SettingsValues> applied = new AtomicReference<>();
        vm.onChangedProperty().set(applied::set);
        vm.load();
        assertThat(vm.values()).isEqualTo(SettingsValues.defaults());
        assertThat(vm.relayProperty().get()).isEqualTo(net.relayUri());
        assertThat(applied.get()).as("loading is not a change").isNull();
        assertThat(vm.embeddedRelayProperty().get()).as("alice uses a remote relay").isEmpty();
        assertThat(vm.embeddedFingerprintProperty().get()).isEmpty();

        vm.themeProperty().set(Theme.DARK);
        vm.autoLockMinutesProperty().set(5);
        assertThat(applied.get().theme()).isEqualTo(Theme.DARK);
        assertThat(new ProfileSettings(tmp.resolve("desktop").resolve("alice")).load())
                .isEqualTo(new SettingsValues(true, true, true, false, Theme.DARK, 5));

        vm.currentPassphraseProperty().set("wrong one");
        vm.newPassphraseProperty().set("a much better passphrase 9");
        assertThat(vm.canChangePassphraseBinding().get()).as("not confirmed yet").isFalse();
        vm.confirmPassphraseProperty().set("a much better passphrase 8");
        assertThat(vm.passphraseHintBinding().get()).isEqualTo("The passphrases do not match.");
        assertThat(vm.canChangePassphraseBinding().get()).isFalse();
        vm.confirmPassphraseProperty().set("a much better passphrase 9");
        assertThat(vm.passphraseHintBinding().get()).isEmpty();
        vm.changePassphrase();
        assertThat(vm.passphraseResultProperty().get()).isEqualTo("Wrong passphrase. Try again.");
        assertThat(vm.currentPassphraseProperty().get()).isEmpty();
    }

    @Test
    @Order(8)
    void aReceiptThatOvertakesItsMessageIsAppliedWhenTheMessageShows() throws Exception {
        UiServices alice = sessions.session().services();
        ChatViewModel chat = new ChatViewModel(alice, tasks, new ChatTimeline(ZoneOffset.UTC), messages);
        chat.open(alice.contact("bob"));
        chat.messageStatusChanged("bob", "overtaken-1", outgoing -> MessageView.Status.DELIVERED);
        chat.messageStatusChanged("bob", "overtaken-1", outgoing -> MessageView.Status.SENT);
        chat.messageReceived(new MessageView("overtaken-1", "bob", true, "hi", java.time.Instant.now(),
                MessageView.Status.SENDING, java.util.Optional.empty(), Long.MAX_VALUE));
        List<MessageView> shown = bubbles(chat);
        assertThat(shown.get(shown.size() - 1).status()).isEqualTo(MessageView.Status.DELIVERED);
    }

    @Test
    @Order(6)
    void theReadReceiptsSettingDecidesWhetherTheContactSeesRead() throws Exception {
        SettingsViewModel settings = new SettingsViewModel(sessions.session().settings(), tasks, messages);
        settings.load();
        assertThat(settings.readReceiptsProperty().get()).isTrue();
        settings.readReceiptsProperty().set(false);
        assertThat(settings.errorProperty().get()).isEmpty();
        assertThat(new SettingsViewModel(sessions.session().settings(), tasks, messages)).satisfies(fresh -> {
            fresh.load();
            assertThat(fresh.readReceiptsProperty().get()).as("read back from the encrypted store").isFalse();
        });
        assertThat(java.nio.file.Files.readString(tmp.resolve("desktop").resolve("alice")
                .resolve(ProfileSettings.FILE))).as("no second copy").doesNotContain("readReceipts");

        String unseen = bob.messaging().send("alice", "read without receipt").messageId().value();
        readInAlicesChat(unseen);
        settings.readReceiptsProperty().set(true);
        String seen = bob.messaging().send("alice", "read with receipt").messageId().value();
        readInAlicesChat(seen);

        assertThat(UiTestNetwork.await(() -> bobsState(seen) == MessageState.READ, DesktopFixture.TIMEOUT)).isTrue();
        assertThat(bobsState(unseen)).as("receipts arrive in order, so this one was never sent")
                .isNotEqualTo(MessageState.READ);
    }

    private void readInAlicesChat(String messageId) throws Exception {
        UiServices alice = sessions.session().services();
        assertThat(UiTestNetwork.await(() -> newest(alice).stream().anyMatch(m -> m.id().equals(messageId)),
                DesktopFixture.TIMEOUT)).isTrue();
        ChatViewModel chat = new ChatViewModel(alice, tasks, new ChatTimeline(ZoneOffset.UTC), messages);
        chat.open(alice.contact("bob"));
        assertThat(bubbles(chat)).filteredOn(m -> m.id().equals(messageId))
                .extracting(MessageView::status).containsExactly(MessageView.Status.SEEN);
    }

    private static List<MessageView> newest(UiServices alice) {
        try {
            return alice.history("bob", 5, OptionalLong.empty()).newestFirst();
        } catch (Exception e) {
            return List.of();
        }
    }

    private MessageState bobsState(String messageId) {
        try {
            return bob.messaging().history("alice", java.util.Optional.empty(), 10).messages().stream()
                    .filter(m -> m.messageId().value().equals(messageId)).findFirst()
                    .map(Message::state).orElseThrow();
        } catch (ServiceException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(UiServices alice) {
        try {
            int n = 0;
            UiServices.Page page = alice.history("bob", 100, OptionalLong.empty());
            n += page.newestFirst().size();
            while (page.older().isPresent()) {
                page = alice.history("bob", 100, page.older());
                n += page.newestFirst().size();
            }
            return n;
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    @Order(9)
    void aSearchResultOpensTheConversationAtThatMessageAndNewerPagesLoadOnDemand() throws Exception {
        UiServices alice = sessions.session().services();
        SearchViewModel search = new SearchViewModel(alice, tasks, messages, new ManualDelays());
        search.queryProperty().set("message 12");
        search.search();
        MessageView target = search.results().stream().filter(m -> m.text().equals("message 12")).findFirst()
                .orElseThrow();
        List<MessageView> newest = alice.history("bob", ChatViewModel.PAGE_SIZE, OptionalLong.empty()).newestFirst();

        ChatViewModel chat = new ChatViewModel(alice, tasks, new ChatTimeline(ZoneOffset.UTC), messages);
        AtomicInteger scrolledTo = new AtomicInteger(-1);
        chat.onScrollToRowProperty().set(scrolledTo::set);
        chat.openAt(alice.contact("bob"), target);

        List<MessageView> shown = bubbles(chat);
        assertThat(shown.get(0).text()).as("the page before reaches the oldest").isEqualTo("message 1");
        assertThat(shown.get(11)).isEqualTo(target);
        assertThat(shown).hasSize(12 + ChatViewModel.PAGE_SIZE);
        assertThat(chat.hasOlder()).isFalse();
        assertThat(chat.hasNewer()).isTrue();
        assertThat(chat.highlightedProperty().get()).isEqualTo(target.id());
        assertThat(chat.rows().get(scrolledTo.get())).isEqualTo(new ChatRow.MessageRow(target, false));
        chat.clearHighlight();
        assertThat(chat.highlightedProperty().get()).isEmpty();

        while (chat.hasNewer()) {
            chat.loadNewer();
        }
        assertThat(bubbles(chat).get(bubbles(chat).size() - 1).id()).isEqualTo(newest.get(0).id());
        for (int i = 1; i < bubbles(chat).size(); i++) {
            assertThat(bubbles(chat).get(i).position()).isGreaterThan(bubbles(chat).get(i - 1).position());
        }

        chat.openAt(alice.contact("bob"), target);
        chat.draftProperty().set("back to the present");
        chat.send();
        assertThat(chat.hasNewer()).as("sending shows the newest page").isFalse();
        assertThat(bubbles(chat).get(bubbles(chat).size() - 1).text()).isEqualTo("back to the present");
    }

    private static List<MessageView> bubbles(ChatViewModel chat) {
        return chat.rows().stream().filter(r -> r instanceof ChatRow.MessageRow)
                .map(r -> ((ChatRow.MessageRow) r).message()).toList();
    }
}
