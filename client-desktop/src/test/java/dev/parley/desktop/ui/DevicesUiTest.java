package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.connection.JoiningLink;
import dev.parley.desktop.service.connection.RelayConnectionService;
import dev.parley.desktop.service.device.DeviceJoin;
import dev.parley.desktop.service.device.DeviceLinker;
import dev.parley.desktop.service.device.DeviceService;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * Issue #17's desktop screens over a real relay: Settings > Devices (the list, "This device", rename, unlink after a
 * confirmation, the only device refused with a clear message), "Link a new device" (code, link and QR code; cancel;
 * a new device that is cancelled while its name waits stops the dialog at once; the new device's name to confirm, and
 * the history sent to it when asked), and first run's "Link to an existing account" (a wrong code leaves no profile;
 * the right one lands in the main window with the account's contacts, where a message to the account arrives; the
 * history's progress shows; a mute and an archive made on the other device show at once; unlinked there, this
 * computer says why it is offline and shows the wiped profile).
 */
@DesktopTest
class DevicesUiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private UiTestNetwork net;
    private ProfileSessions sessions;
    private DesktopFixture app;

    @Test
    void settingsLinkANewDeviceRenameThisOneAndUnlinkTheOther() throws Exception {
        app.createLocked("alice");
        app.start("alice");
        app.unlock();
        // a little history for the new device: bob writes three times (a message request here)
        ParleyApp bob = net.otherClient("bob");
        bob.contacts().add("alice");
        for (int i = 1; i <= 3; i++) {
            bob.messaging().send("alice", "before the laptop, " + i);
        }
        app.waitUntil(() -> app.robot.lookup(".button").match(n -> n instanceof Labeled l
                && "1 message request".equals(l.getText())).tryQuery().isPresent());
        app.robot.clickOn("#settingsButton");
        app.waitUntil(() -> app.showing("#device-1"));
        Stage settings = app.shell().openDialogs().get(0);
        assertThat(app.showing("#thisDeviceTag")).isTrue();

        // the account's only device cannot be unlinked: the relay refuses, and the screen says why
        fire("#unlinkDevice-1");
        confirmUnlink();
        app.waitUntil(() -> app.showing("#devicesError"));
        assertThat(text("#devicesError")).contains("only device");

        // Link a new device: the code, link and QR code show; Cancel closes it and links nothing
        fire("#linkDeviceButton");
        app.waitUntil(() -> !text("#linkCode").isEmpty());
        assertThat(app.robot.lookup("#linkQr").queryAs(ImageView.class).getImage()).isNotNull();
        assertThat(app.robot.lookup("#linkUri").queryAs(TextField.class).getText()).startsWith("parley://link/");
        int dialogs = app.shell().openDialogs().size();
        fire("#cancelLink");
        app.waitUntil(() -> app.shell().openDialogs().size() == dialogs - 1);

        // The new device is cancelled (its window closed) while its name waits for confirmation here: the relay says
        // so, and the dialog stops waiting and tells why at once (before, it waited for a confirmation forever)
        fire("#linkDeviceButton");
        app.waitUntil(() -> !text("#linkCode").isEmpty());
        Stage leftDialog = app.shell().openDialogs().get(app.shell().openDialogs().size() - 1);
        String firstCode = text("#linkCode");
        ParleyApp quitter = net.newClient("quitter");
        AtomicReference<JoiningLink> quitterLink = new AtomicReference<>();
        CompletableFuture<DeviceJoin.Joined> quitting = CompletableFuture.supplyAsync(() -> {
            try {
                return quitter.joinAccount(address(), firstCode, "old laptop", UiTestNetwork.PASSPHRASE.toCharArray(),
                        WAIT, quitterLink::set);
            } catch (ServiceException e) {
                throw new CompletionException(e);
            }
        });
        app.waitUntil(() -> text("#linkQuestion").contains("\u201cold laptop\u201d")
                && app.robot.lookup("#confirmLink").queryAs(Node.class).getParent().isVisible());
        quitterLink.get().close();          // what Cancel on the new device does
        app.waitUntil(() -> app.showing("#linkError") && text("#linkError").contains("stopped linking"));
        assertThat(app.robot.lookup("#confirmLink").queryAs(Node.class).getParent().isVisible())
                .as("nothing left to confirm").isFalse();
        assertThatThrownBy(() -> quitting.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .hasCauseInstanceOf(ServiceException.class);
        app.screenshot(leftDialog.getScene(), "devices-link-new-device-left");
        fire("#linkClose");
        app.waitUntil(() -> app.shell().openDialogs().size() == dialogs - 1);

        fire("#linkDeviceButton");
        app.waitUntil(() -> !text("#linkCode").isEmpty());
        Stage linkDialog = app.shell().openDialogs().get(app.shell().openDialogs().size() - 1);
        app.screenshot(linkDialog.getScene(), "devices-link-code");
        String code = text("#linkCode");
        ParleyApp laptop = net.newClient("laptop");
        CompletableFuture<DeviceJoin.Joined> joined = CompletableFuture.supplyAsync(() -> {
            try {
                return laptop.joinAccount(address(), code.toLowerCase(java.util.Locale.ROOT), "laptop",
                        UiTestNetwork.PASSPHRASE.toCharArray(), WAIT);
            } catch (ServiceException e) {
                throw new CompletionException(e);
            }
        });
        // the button is in the scene (hidden with its box) from the start: wait for the name, not for the button
        app.waitUntil(() -> app.showing("#confirmLink") && text("#linkQuestion").contains("\u201claptop\u201d"));
        app.screenshot(linkDialog.getScene(), "devices-link-confirm");
        // issue #17, history transfer: asked with the confirmation; the dialog shows its progress, then its outcome
        app.fx(() -> app.robot.lookup("#linkWithHistory").queryAs(javafx.scene.control.CheckBox.class)
                .setSelected(true));
        fire("#confirmLink");
        app.waitUntil(() -> app.showing("#linkDoneText") && app.showing("#historyOutcome"));
        assertThat(text("#historyOutcome")).contains("history went to it too: 3 messages");
        app.screenshot(linkDialog.getScene(), "devices-link-history");
        assertThat(joined.get(WAIT.toSeconds(), TimeUnit.SECONDS).deviceId()).isEqualTo(2);
        fire("#linkClose");
        app.waitUntil(() -> app.showing("#device-2"));

        // rename this device: the other device reads the new name
        fire("#renameDevice");
        app.fx(() -> app.robot.lookup("#deviceNameField").queryAs(TextField.class).setText("alice's desktop"));
        fire("#saveDeviceName");
        app.waitUntil(() -> text("#devicesStatus").contains("alice's desktop")
                && app.robot.lookup("#device-1").queryAs(Node.class).lookupAll(".label").stream()
                .anyMatch(l -> "alice's desktop".equals(((Labeled) l).getText())));
        laptop.connection().start();
        assertThat(laptop.devices().list()).extracting(DeviceService.Device::name)
                .containsExactly("alice's desktop", "laptop");
        assertThat(UiTestNetwork.await(() -> historyArrived(laptop, 3), WAIT)).as("the laptop imported the history")
                .isTrue();
        ScrollPane scroller = app.robot.lookup("#scroller").queryAs(ScrollPane.class);
        app.fx(() -> {
            double top = app.robot.lookup("#devicesSection").queryAs(Node.class).getBoundsInParent().getMinY();
            double scrollable = scroller.getContent().getBoundsInLocal().getHeight()
                    - scroller.getViewportBounds().getHeight();
            scroller.setVvalue(Math.min(1, top / Math.max(1, scrollable)));
        });
        app.screenshot(settings.getScene(), "devices-settings");

        // unlink the laptop after confirming: it leaves the list and is refused at its next login (it wipes)
        fire("#unlinkDevice-2");
        confirmUnlink();
        app.waitUntil(() -> !app.showing("#device-2") && text("#devicesStatus").contains("laptop was unlinked"));
        assertThat(UiTestNetwork.await(((RelayConnectionService) laptop.connection())::wasUnlinked, WAIT)).isTrue();
    }

    @Test
    void firstRunLinksToAnExistingAccountAfterAWrongCodeLeftNothing() throws Exception {
        ParleyApp alice = net.otherClient("alice");
        ParleyApp bob = net.otherClient("bob");
        alice.contacts().add("bob");
        bob.contacts().add("alice");
        app.start("alice-laptop");
        fire("#joinLink");
        app.waitUntil(() -> app.showing("#joinButton"));
        app.fx(() -> {
            field("#linkCode").setText("0000-0000-0000-0000");
            field("#relayAddress").setText(net.relayUri());
            field("#passphrase").setText(UiTestNetwork.PASSPHRASE);
            field("#confirmation").setText(UiTestNetwork.PASSPHRASE);
        });
        assertThat(field("#profileName").getText()).isEqualTo("alice-laptop");
        fire("#joinButton");
        app.waitUntil(() -> app.showing("#error"));
        assertThat(text("#error")).contains("wrong or expired");
        assertThat(sessions.profiles()).isEmpty();

        DeviceLinker linker = alice.devices().linker();
        DeviceLinker.Session session = linker.start();
        app.fx(() -> {
            field("#linkCode").setText(session.code().uri());
            field("#deviceName").setText("alice's laptop");
        });
        fire("#joinButton");
        app.waitUntil(() -> app.showing("#cancelJoin"));
        assertThat(text("#status")).contains("alice's laptop");
        assertThat(linker.awaitDevice(session, WAIT)).isEqualTo("alice's laptop");
        app.screenshot("devices-join-waiting");
        linker.confirm(session, WAIT);
        app.waitUntil(() -> app.showing("#conversationList"));
        assertThat(sessions.profiles()).containsExactly("alice-laptop");
        assertThat(sessions.session().username().call()).isEqualTo("alice");

        // bob writes to alice: her new desktop device gets it too, in bob's conversation (bob came with the account's
        // state right after linking)
        bob.messaging().send("alice", "hello to every device of alice");
        app.waitUntil(() -> app.robot.lookup(".label").queryAll().stream().anyMatch(n -> n.isVisible()
                && "hello to every device of alice".equals(((Labeled) n).getText())));
        app.screenshot("devices-joined-main");

        // issue #17, history transfer: while chunks of the account's history arrive, the banner counts them (the
        // events the import posts after each chunk; the import itself is HistoryTransferEndToEndTest's)
        sessions.session().bus().publish(new dev.parley.desktop.event.HistoryTransferEvent(1_200, 5_000, false));
        app.waitUntil(() -> app.robot.lookup(".label").match(n -> n instanceof Labeled l && l.getText() != null
                && l.getText().contains("1,200 of 5,000 messages")).tryQuery().isPresent());
        app.screenshot("devices-history-receiving");
        sessions.session().bus().publish(new dev.parley.desktop.event.HistoryTransferEvent(5_000, 5_000, true));
        app.waitUntil(() -> app.robot.lookup(".label").match(n -> n instanceof Labeled l && l.getText() != null
                && l.getText().contains("Receiving your history")).tryQuery().isEmpty());

        // alice mutes, then archives bob's conversation on her other device: this list shows each at once
        alice.conversationMarks().mute("bob", true);
        app.waitUntil(() -> app.robot.lookup(".muted-mark").queryAll().stream().anyMatch(Node::isVisible));
        app.screenshot("devices-mute-synced");
        alice.conversationMarks().archive("bob", true);
        app.waitUntil(() -> app.showing("#archivedToggle")
                && "Archived (1)".equals(((Labeled) app.robot.lookup("#archivedToggle").query()).getText())
                && app.robot.lookup("#conversationList").queryListView().getItems().isEmpty());

        // unlinked from alice's other device: this computer says why it went offline, and shows what the wipe left
        alice.devices().unlink(2);
        app.waitUntil(() -> app.showing("#noConversations")
                && text("#noConversations").contains("This computer was unlinked from your account"));
        assertThat(text("#connectionText")).as("the chat's banner, once a chat is open")
                .contains("was unlinked from your account");
        assertThat(app.showing("#archivedToggle")).isFalse();
        assertThat(app.robot.lookup("#conversationList").queryListView().getItems()).isEmpty();
        // nothing that needs the account is offered any more (this session's item 4): it explains, and offers to
        // start over or quit
        app.waitUntil(() -> app.showing("#unlinkedState"));
        assertThat(text("#unlinkedTitle")).isEqualTo("This computer was unlinked");
        assertThat(app.showing("#startOverButton") && app.showing("#quitButton")).isTrue();
        assertThat(app.robot.lookup(".button").queryAllAs(Button.class).stream().filter(DevicesUiTest::shown)
                .map(Button::getText)).doesNotContain("Add a contact", "My contact link");
        for (String gone : java.util.List.of("#addContactButton", "#settingsButton", "#contactLinkButton", "#filter")) {
            assertThat(app.robot.lookup(gone).tryQuery().filter(DevicesUiTest::shown)).as(gone).isEmpty();
        }
        assertThat(app.showing("#lockButton")).isTrue();
        app.screenshot("devices-unlinked");
        fire("#startOverButton");
        app.waitUntil(() -> app.showing("#unlockButton"));
    }

    /** The new device imported a whole history transfer of {@code messages} messages. */
    private static boolean historyArrived(ParleyApp device, long messages) {
        try {
            return device.history().incoming().stream().anyMatch(t -> t.complete() && t.received() == messages);
        } catch (ServiceException e) {
            throw new IllegalStateException(e);
        }
    }

    private RelayAddress address() {
        return new RelayAddress(net.relay.uri(), Optional.empty());
    }

    private void fire(String query) throws Exception {
        ButtonBase button = app.robot.lookup(query).queryAs(ButtonBase.class);
        app.fx(button::fire);
    }

    /** Whether the user sees {@code node}: it and every parent visible, in a scene. */
    private static boolean shown(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Presses "Unlink" in the confirmation. */
    private void confirmUnlink() throws Exception {
        app.waitUntil(() -> app.showing("#unlinkConfirmation"));
        DialogPane pane = app.robot.lookup("#unlinkConfirmation").queryAs(DialogPane.class);
        Button yes = (Button) pane.getButtonTypes().stream()
                .filter(t -> t.getButtonData() == ButtonBar.ButtonData.OK_DONE).map(pane::lookupButton)
                .findFirst().orElseThrow();
        app.fx(yes::fire);
    }

    private String text(String query) {
        return app.robot.lookup(query).queryAs(Labeled.class).getText();
    }

    private TextField field(String query) {
        return app.robot.lookup(query).queryAs(TextField.class);
    }
}
