package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ContactPresence;
import dev.parley.desktop.service.ProfileService.Update;
import dev.parley.desktop.storage.PresenceVisibility;
import dev.parley.desktop.ui.common.AvatarView;
import dev.parley.desktop.ui.main.ConversationListViewModel;
import dev.parley.desktop.ui.people.PeopleScreens;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14's desktop screens over real services and a real relay: message requests (accept, delete, block) with
 * their count, the blocked list in Settings with Unblock, the profile editor, presence in the chat header, "My contact
 * link" (copy, QR code, Save as PNG) and "Add contact" with a link; a contact's name, avatar and presence dot in the
 * conversation list and the chat header, following changes, and filtering by name.
 */
@DesktopTest
class PeopleScreensTest {
    @TempDir
    Path tmp;

    private UiTestNetwork net;
    private DesktopFixture app;
    private final RecordedDesktop desktop = new RecordedDesktop();

    @BeforeEach
    void setUp() throws Exception {
        app.createLocked("alice");
        app.start("alice");
        app.fx(() -> app.shell().useDesktop(desktop));
        app.unlock();
    }

    @Test
    void requestsAreCountedAcceptedAndBlockedAndTheBlockedListUnblocks() throws Exception {
        ParleyApp bob = net.otherClient("bob");
        ParleyApp carol = net.otherClient("carol");
        ParleyApp dave = net.otherClient("dave");
        // bob has a profile: it goes with his first message, so his name and (blurred) avatar show in Requests;
        // carol's arrives after her request
        bob.profiles().update(new Update(Optional.of("Bob Builder"), Optional.empty(), Optional.of(png()), false));
        for (ParleyApp stranger : List.of(bob, carol, dave)) {
            stranger.contacts().add("alice");
        }
        bob.messaging().send("alice", "Hi Alice, it is Bob from the climbing club.");
        carol.messaging().send("alice", "Cheap pineapples, click here");
        dave.messaging().send("alice", "wrong number, sorry");
        app.waitUntil(() -> app.showing("#requestsButton")
                && text("#requestsButton").equals("3 message requests"));
        app.screenshot("people-requests-count");
        assertThat(listed()).as("requests stay out of the conversation list").isEmpty();

        app.robot.clickOn("#requestsButton");
        app.waitUntil(() -> app.showing("#accept-bob") && app.showing("#block-carol") && app.showing("#delete-dave"));
        app.waitUntil(() -> requestAvatar("bob").showsImage() && requestNames().contains("Bob Builder"));
        assertThat(requestAvatar("bob").isBlurred()).as("a stranger's avatar is blurred until accepted").isTrue();
        assertThat(requestAvatar("bob").showsOnline()).as("no presence from a request").isFalse();
        assertThat(requestAvatar("dave").showsImage()).as("no profile shared: initials").isFalse();
        carol.profiles().update(new Update(Optional.of("Carol"), Optional.empty(), Optional.of(png()), false));
        app.waitUntil(() -> requestAvatar("carol").showsImage() && requestAvatar("carol").isBlurred()
                && requestNames().contains("Carol"));
        Stage dialog = app.shell().openDialogs().get(0);
        app.screenshot(dialog.getScene(), "people-requests");
        app.robot.clickOn("#requestAvatar-bob");
        app.waitUntil(() -> !requestAvatar("bob").isBlurred());
        assertThat(requestAvatar("carol").isBlurred()).as("shown only for the one clicked").isTrue();

        app.robot.clickOn("#accept-bob");
        app.waitUntil(() -> !app.showing("#accept-bob"));
        app.robot.clickOn("#block-carol");
        app.waitUntil(() -> !app.showing("#block-carol"));
        app.robot.clickOn("#delete-dave");
        app.waitUntil(() -> app.showing("#noRequests"));
        app.waitUntil(() -> listed().equals(List.of("bob")));
        UnlockedSession alice = app.sessions.session();
        assertThat(alice.people().requests()).isEmpty();
        assertThat(alice.people().blocked()).containsExactly("carol");
        assertThat(alice.services().contacts()).extracting(c -> c.username()).containsExactly("bob");
        app.robot.clickOn("#requestsDone");
        app.waitUntil(() -> app.shell().openDialogs().isEmpty() && !app.showing("#requestsButton"));
        Thread.sleep(500);
        app.waitUntil(() -> listed().equals(List.of("bob")));

        app.robot.clickOn("#settingsButton");
        app.waitUntil(() -> app.showing("#unblock-carol"));
        reveal("#unblock-carol");
        app.screenshot(app.shell().openDialogs().get(0).getScene(), "people-settings-blocked");
        app.robot.clickOn("#unblock-carol");
        app.waitUntil(() -> app.showing("#noBlocked"));
        assertThat(alice.people().blocked()).isEmpty();
    }

    @Test
    void theProfileEditorSendsNameAboutAndAvatarAndTheChatHeaderShowsPresence() throws Exception {
        ParleyApp bob = net.otherClient("bob");
        bob.contacts().add("alice");
        bob.messaging().send("alice", "hello");
        app.waitUntil(() -> app.showing("#requestsButton"));
        app.sessions.session().people().accept("bob");
        Path picture = TwoColourPicture.write(tmp.resolve("me.png"), 300, 200, 0x3C8FD0, 0xE08A3C);
        PeopleScreens people = app.shell().peopleScreens().orElseThrow();
        app.fx(() -> people.useFileChoosers(owner -> picture.toFile(), owner -> null));

        app.robot.clickOn("#settingsButton");
        app.waitUntil(() -> app.showing("#profileName"));
        reveal("#profileAvatar");
        app.robot.clickOn("#profileName").write("Alice Liddell");
        app.robot.clickOn("#profileAbout").write("down the rabbit hole");
        app.robot.clickOn("#chooseAvatar");
        app.robot.clickOn("#saveProfile");
        AvatarView preview = app.robot.lookup("#profileAvatar").queryAs(AvatarView.class);
        app.waitUntil(preview::showsImage);
        // the preview is round like every other avatar: its corner is not the picture, its inside is
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        app.fx(() -> shot[0] = preview.snapshot(null, null));
        int size = (int) shot[0].getWidth();
        int inside = shot[0].getPixelReader().getArgb(size / 4, size / 2) & 0xFFFFFF;
        int corner = shot[0].getPixelReader().getArgb(1, 1) & 0xFFFFFF;
        assertThat(near(inside, 0x3C8FD0)).as("the picture's left half inside the circle").isTrue();
        assertThat(near(corner, 0x3C8FD0)).as("the corner lies outside the circle").isFalse();
        // the own header shows the name and picture at once, without a restart (#14)
        app.waitUntil(() -> text("#meName").equals("Alice Liddell") && ownAvatar().showsImage());
        app.screenshot(app.shell().openDialogs().get(0).getScene(), "people-settings-profile");
        assertThat(UiTestNetwork.await(() -> shownByBob(bob).equals("Alice Liddell"), DesktopFixture.TIMEOUT)).isTrue();
        assertThat(bob.profiles().of("alice").profile().orElseThrow().about()).isEqualTo("down the rabbit hole");
        assertThat(bob.profiles().of("alice").profile().orElseThrow().avatar()).isNotEmpty();
        app.robot.clickOn("#doneButton");
        app.waitUntil(() -> app.shell().openDialogs().isEmpty());
        app.screenshot("people-own-header");
        // the own name fits the header whole; only a name really too long for it ends in an ellipsis, and the
        // tooltip has all of it (#14)
        assertThat(shownOwnName()).isEqualTo("Alice Liddell");
        assertThat(app.robot.lookup("#meName").queryAs(Label.class).getTooltip().getText())
                .isEqualTo("Alice Liddell\n@alice");
        String longName = "Alice Pleasance Liddell of Christ Church, Oxford";
        app.robot.clickOn("#settingsButton");
        app.waitUntil(() -> app.showing("#profileName"));
        TextField nameField = app.robot.lookup("#profileName").queryAs(TextField.class);
        Button save = app.robot.lookup("#saveProfile").queryAs(Button.class);
        app.fx(() -> {
            nameField.setText(longName);
            save.fire();
        });
        app.robot.clickOn("#doneButton");
        app.waitUntil(() -> app.shell().openDialogs().isEmpty());
        app.waitUntil(() -> text("#meName").equals(longName));
        assertThat(shownOwnName()).startsWith("Alice").endsWith("...").isNotEqualTo(longName);
        assertThat(app.robot.lookup("#meName").queryAs(Label.class).getTooltip().getText())
                .isEqualTo(longName + "\n@alice");
        app.screenshot("people-own-header-long");

        // bob's name and avatar in the list row and the chat header, with his username next to the name
        bob.profiles().update(new Update(Optional.of("Bob Builder"), Optional.empty(), Optional.of(png()), false));
        app.waitUntil(() -> rowName().equals("Bob Builder") && rowAvatar().showsImage());
        ConversationListViewModel list = app.shell().mainViewModel().orElseThrow().conversations();
        app.fx(() -> list.selectedProperty().set("bob"));
        bob.presence().start();
        app.waitUntil(() -> text("#chatPresence").equals("online") && text("#chatTitle").equals("Bob Builder")
                && text("#chatUsername").equals("@bob") && rowAvatar().showsOnline() && headerAvatar().showsOnline());
        app.screenshot("people-presence-online");
        // filtering matches names as well as usernames
        app.fx(() -> list.filterProperty().set("build"));
        app.waitUntil(() -> list.visibleItems().size() == 1);
        app.fx(() -> list.filterProperty().set("BOB"));
        app.waitUntil(() -> list.visibleItems().size() == 1);
        app.fx(() -> list.filterProperty().set("nobody here"));
        app.waitUntil(() -> list.visibleItems().isEmpty());
        app.fx(() -> list.filterProperty().set(""));
        bob.profiles().update(new Update(Optional.of("Robert"), Optional.empty(), Optional.empty(), true));
        app.waitUntil(() -> rowName().equals("Robert") && text("#chatTitle").equals("Robert") && !rowAvatar().showsImage());
        bob.close();
        app.waitUntil(() -> text("#chatPresence").equals("last seen just now") && !rowAvatar().showsOnline()
                && !headerAvatar().showsOnline());
        app.screenshot("people-presence-offline");
        assertThat(app.sessions.session().people().presence("bob").orElseThrow().status())
                .isEqualTo(ContactPresence.Status.OFFLINE);

        app.sessions.session().people().setPresenceVisibility(PresenceVisibility.NOBODY);
        app.fx(() -> app.shell().mainViewModel().orElseThrow().conversations().selectedProperty().set(null));
        app.fx(() -> app.shell().mainViewModel().orElseThrow().conversations().selectedProperty().set("bob"));
        app.waitUntil(() -> text("#chatPresence").isEmpty());
    }

    @Test
    void myContactLinkCopiesAndSavesAQrCodeThatAddContactAccepts() throws Exception {
        ParleyApp dave = net.otherClient("dave");
        Path png = tmp.resolve("alice-link.png");
        PeopleScreens people = app.shell().peopleScreens().orElseThrow();
        app.fx(() -> people.useFileChoosers(owner -> null, owner -> png.toFile()));

        app.robot.clickOn("#contactLinkButton");
        app.waitUntil(() -> text("#contactLink").startsWith("parley://add/alice?")
                && app.robot.lookup("#contactLinkQr").queryAs(ImageView.class).getImage() != null);
        String link = text("#contactLink");
        app.screenshot(app.shell().openDialogs().get(0).getScene(), "people-contact-link");
        app.robot.clickOn("#copyLink");
        assertThat(desktop.copied).containsExactly(link);
        app.robot.clickOn("#saveQr");
        app.waitUntil(() -> text("#contactLinkStatus").startsWith("Saved"));
        assertThat(decodeQr(png)).as("the saved PNG decodes to the link").isEqualTo(link);
        app.robot.clickOn("#contactLinkDone");
        app.waitUntil(() -> app.shell().openDialogs().isEmpty());

        String davesLink = dave.contacts().contactLink();
        String forged = davesLink.replaceFirst("fp=\\d", "fp=" + (davesLink.charAt(davesLink.indexOf("fp=") + 3) == '1' ? "2" : "1"));
        app.robot.clickOn("#addContactButton");
        app.waitUntil(() -> app.showing("#username"));
        app.fx(() -> app.robot.lookup("#username").queryAs(TextField.class).setText(forged));
        app.robot.clickOn("#addButton");
        app.waitUntil(() -> !text("#error").isEmpty());
        assertThat(app.sessions.session().services().contacts()).isEmpty();
        app.fx(() -> app.robot.lookup("#username").queryAs(TextField.class).setText(davesLink));
        app.robot.clickOn("#addButton");
        app.waitUntil(() -> app.shell().openDialogs().isEmpty());
        assertThat(app.sessions.session().services().contact("dave").verified())
                .as("a contact added by link is verified").isTrue();
    }

    private String rowName() {
        return app.robot.lookup(".conversation-cell .conversation-name").tryQuery()
                .map(n -> ((Label) n).getText()).orElse("");
    }

    private AvatarView rowAvatar() {
        return (AvatarView) app.robot.lookup(".conversation-cell .avatar").query();
    }

    private AvatarView ownAvatar() {
        return (AvatarView) app.robot.lookup("#meAvatar").query();
    }

    /** Whether two RGB colours are within a few steps per channel (scaled, anti-aliased pixels). */
    private static boolean near(int rgb, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((rgb >> shift & 0xFF) - (expected >> shift & 0xFF)) > 24) {
                return false;
            }
        }
        return true;
    }

    private AvatarView requestAvatar(String username) {
        return (AvatarView) app.robot.lookup("#requestAvatar-" + username).query();
    }

    /** The names (display name or username) the Requests dialog shows. */
    private List<String> requestNames() {
        return app.robot.lookup(".request-row .me-name").queryAll().stream().map(n -> ((Label) n).getText()).toList();
    }

    private AvatarView headerAvatar() {
        return (AvatarView) app.robot.lookup("#chatAvatarHolder .avatar").query();
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 120; x++) {
            for (int y = 0; y < 120; y++) {
                image.setRGB(x, y, y < 60 ? 0xE08A3C : 0x2F9E8F);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** What the own header's name label shows after layout (its text, or the part of it that fits). */
    private String shownOwnName() throws Exception {
        Label name = app.robot.lookup("#meName").queryAs(Label.class);
        String[] shown = new String[1];
        app.fx(() -> {
            name.getScene().getRoot().applyCss();
            name.getScene().getRoot().layout();
            shown[0] = ((javafx.scene.text.Text) name.lookup(".text")).getText();
        });
        return shown[0];
    }

    /** The usernames in the conversation list. */
    private List<String> listed() {
        return app.robot.lookup("#conversationList").queryListView().getItems().stream()
                .map(item -> ((dev.parley.desktop.ui.main.ConversationItem) item).contact().username()).toList();
    }

    private String text(String query) {
        return app.robot.lookup(query).tryQuery().map(n -> n instanceof Label l ? l.getText()
                : n instanceof Button b ? b.getText() : n instanceof TextField t ? t.getText() : "").orElse("");
    }

    /** Scrolls Settings so that the node {@code query} shows near the top. */
    private void reveal(String query) throws Exception {
        ScrollPane scroller = app.robot.lookup("#scroller").queryAs(ScrollPane.class);
        javafx.scene.Node node = app.robot.lookup(query).query();
        app.fx(() -> {
            javafx.geometry.Bounds b = scroller.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double scrollable = scroller.getContent().getBoundsInLocal().getHeight()
                    - scroller.getViewportBounds().getHeight();
            scroller.setVvalue(scrollable <= 0 ? 0 : Math.max(0, Math.min(1, (b.getMinY() - 40) / scrollable)));
        });
    }

    private static String shownByBob(ParleyApp bob) {
        try {
            return bob.profiles().of("alice").shown();
        } catch (Exception e) {
            return "";
        }
    }

    private static String decodeQr(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

}
