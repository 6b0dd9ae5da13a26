package dev.parley.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.service.WrongPassphraseException;
import org.junit.jupiter.api.Test;

class UserMessagesTest {
    private final UserMessages messages = new UserMessages(ViewLoader.defaultBundle());

    @Test
    void serviceFailuresHaveTheirOwnSentence() {
        assertThat(messages.describe(new WrongPassphraseException("wrong"))).isEqualTo("Wrong passphrase. Try again.");
    }

    @Test
    void unexpectedFailuresGetASupportCodeAndNoDetails() {
        String text = messages.describe(new IllegalStateException("secret internals"));
        assertThat(text).startsWith("Something went wrong (support code ").doesNotContain("secret internals");
    }

    @Test
    void formatsArgumentsAndPlurals() {
        assertThat(messages.get("main.unread", 1)).isEqualTo("1 new message");
        assertThat(messages.get("main.unread", 7)).isEqualTo("7 new messages");
        assertThat(messages.get("no.such.key")).isEqualTo("no.such.key");
    }
}
