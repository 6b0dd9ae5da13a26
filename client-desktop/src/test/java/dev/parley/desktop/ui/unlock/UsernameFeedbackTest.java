package dev.parley.desktop.ui.unlock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsernameFeedbackTest {

    @Test
    void acceptsTheRelayRule() {
        assertThat(UsernameFeedback.problem("alice")).isEmpty();
        assertThat(UsernameFeedback.problem("bob.smith-2_x")).isEmpty();
    }

    @Test
    void explainsEachKindOfBadName() {
        assertThat(UsernameFeedback.problem("")).contains("username.required");
        assertThat(UsernameFeedback.problem(null)).contains("username.required");
        assertThat(UsernameFeedback.problem("al")).contains("username.tooShort");
        assertThat(UsernameFeedback.problem("a".repeat(33))).contains("username.tooLong");
        assertThat(UsernameFeedback.problem("Alice")).contains("username.invalid");
        assertThat(UsernameFeedback.problem("_alice")).contains("username.invalid");
        assertThat(UsernameFeedback.problem("al ice")).contains("username.invalid");
        assertThat(UsernameFeedback.problem("../etc")).contains("username.invalid");
    }
}
