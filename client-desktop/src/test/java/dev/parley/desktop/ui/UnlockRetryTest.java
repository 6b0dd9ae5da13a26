package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.ui.common.Theme;
import javafx.scene.Node;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * #18 item 1: after a wrong passphrase the focus stays in the passphrase field, so typing the passphrase again
 * (spaces included) goes into that field and unlocks; it never reaches the "Create a new profile" link, whose space
 * key opened onboarding and put the rest of the passphrase in the visible username field.
 */
@DesktopTest
class UnlockRetryTest {
    private DesktopFixture app;

    @BeforeEach
    void setUp() throws Exception {
        app.createLocked("alice");
    }

    @Test
    void afterAWrongPassphraseTypingItAgainWithSpacesStaysInThePassphraseFieldAndUnlocks() throws Exception {
        app.start("alice");
        app.robot.clickOn("#passphrase").write("wrong guess");
        app.robot.type(KeyCode.ENTER);
        app.waitUntil(() -> app.showing("#error") && !app.robot.lookup("#passphrase").query().isDisabled());

        Node focused = app.stage().getScene().getFocusOwner();
        assertThat(focused).as("focus after a wrong passphrase").isInstanceOf(PasswordField.class);
        assertThat(focused.getId()).isEqualTo("passphrase");

        // typed straight away, as a user would, with no click in between
        app.robot.write(UiTestNetwork.PASSPHRASE);
        assertThat(app.showing("#username")).as("onboarding opened").isFalse();
        app.robot.type(KeyCode.ENTER);
        app.waitUntil(() -> app.showing("#conversationList"));
    }

    /**
     * #18 "Startup": the app shows its window (its title, the welcome screens' background) before it builds the
     * unlock screen, which then comes up in the same window, with the focus in the passphrase field, and unlocks.
     */
    @Test
    void theAppShowsItsWindowFirstThenTheUnlockScreenTakesThePassphrase() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean ready = new java.util.concurrent.atomic.AtomicBoolean();
        javafx.scene.Parent first = app.startWindowFirst("alice", ready);

        assertThat(first.getStyleClass()).as("the first frame's root").contains("welcome");
        assertThat(first.lookup("#passphrase")).as("the unlock screen, before the first frame").isNull();
        assertThat(app.stage().isShowing()).isTrue();
        assertThat(app.stage().getTitle()).isEqualTo("Parley - alice");

        app.waitUntil(() -> ready.get() && app.showing("#passphrase"));
        assertThat(app.stage().getScene().getRoot()).isNotSameAs(first);
        // the first frame's colour is set in code, before any stylesheet loads: the one the stylesheets give the screen
        javafx.scene.layout.Region screen = (javafx.scene.layout.Region) app.stage().getScene().getRoot();
        assertThat(fill(screen)).isEqualTo(fill((javafx.scene.layout.Region) first))
                .isEqualTo(Theme.LIGHT.welcomeBackground());
        app.fx(() -> {
            app.shell().applyTheme(Theme.DARK);
            screen.applyCss();
        });
        assertThat(fill(screen)).isEqualTo(Theme.DARK.welcomeBackground());
        app.fx(() -> app.shell().applyTheme(Theme.LIGHT));
        app.waitUntil(() -> app.stage().getScene().getFocusOwner() != null
                && "passphrase".equals(app.stage().getScene().getFocusOwner().getId()));
        app.robot.write(UiTestNetwork.PASSPHRASE);
        app.robot.type(KeyCode.ENTER);
        app.waitUntil(() -> app.showing("#conversationList"));
    }

    private static javafx.scene.paint.Paint fill(javafx.scene.layout.Region region) {
        return region.getBackground().getFills().get(0).getFill();
    }

    @Test
    void whereThePassphraseIsChosenOnboardingSaysAForgottenOneCannotBeRecovered() throws Exception {
        app.start("alice");
        app.robot.clickOn(".hyperlink");
        app.waitUntil(() -> app.showing("#noRecovery"));
        javafx.scene.control.Label warning = app.robot.lookup("#noRecovery").queryAs(javafx.scene.control.Label.class);
        assertThat(warning.getText()).contains("Nobody can recover a forgotten passphrase");
        assertThat(app.robot.lookup("#passphrase").query().getParent()).isSameAs(warning.getParent());
        app.screenshot("onboarding");
    }
}
