package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import dev.parley.desktop.ui.main.ConversationListViewModel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.OptionalLong;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12: "Delete conversation" takes the row out of the list before the delete runs on the worker (it used to go
 * only when the worker's task came back); the services then hide the conversation in one small transaction.
 */
class DeleteConversationRowTest {

    @Test
    void theRowGoesBeforeTheWorkerRunsAndTheConversationIsGoneAfter(@TempDir Path tmp) throws Exception {
        try (UiTestNetwork net = new UiTestNetwork(tmp); var sessions = net.desktopSessions()) {
            UiServices alice = net.createProfile(sessions, "alice");
            ParleyApp bob = net.otherClient("bob");
            alice.addContact("bob");
            bob.contacts().add("alice");
            bob.messaging().send("alice", "hello alice");
            assertThat(UiTestNetwork.await(() -> has(alice), DesktopFixture.TIMEOUT)).isTrue();

            Queue<Runnable> worker = new ArrayDeque<>();
            BackgroundTasks tasks = new BackgroundTasks(worker::add, Runnable::run);
            ConversationListViewModel list = new ConversationListViewModel(alice, tasks,
                    new UserMessages(ViewLoader.defaultBundle()));
            list.refresh();
            runAll(worker);
            assertThat(list.visibleItems()).extracting(i -> i.username()).containsExactly("bob");

            list.deleteConversation("bob");
            assertThat(list.visibleItems()).as("gone before the worker ran").isEmpty();
            assertThat(has(alice)).as("not deleted yet").isTrue();
            runAll(worker);
            assertThat(list.visibleItems()).isEmpty();
            assertThat(has(alice)).isFalse();
        }
    }

    private static void runAll(Queue<Runnable> worker) {
        while (!worker.isEmpty()) {
            worker.remove().run();
        }
    }

    private static boolean has(UiServices alice) {
        try {
            return !alice.history("bob", 10, OptionalLong.empty()).newestFirst().isEmpty();
        } catch (Exception e) {
            return false;
        }
    }
}
