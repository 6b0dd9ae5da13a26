package dev.parley.desktop.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SafetyNumberFormatTest {

    @Test
    void sixtyDigitsMakeTwelveGroupsWhateverTheSpacing() {
        String digits = "123451234512345123451234512345123451234512345123451234567890";
        assertThat(SafetyNumberFormat.groups(digits)).hasSize(12).allMatch(g -> g.length() == 5)
                .endsWith("67890");
        assertThat(SafetyNumberFormat.groups("12345 67890\n11111")).containsExactly("12345", "67890", "11111");
    }

    @Test
    void rejectsAnythingButDigits() {
        assertThatThrownBy(() -> SafetyNumberFormat.groups("12345 abcde")).isInstanceOf(IllegalArgumentException.class);
    }
}
