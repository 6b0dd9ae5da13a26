package dev.parley.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.GroupView;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import org.junit.jupiter.api.Test;

/** The group header's "who is typing" (issue #15): only the open group's members, in the order they started. */
class GroupTypingViewModelTest {
    private static final String CLIMBING = "#00112233445566778899aabbccddeeff";
    private final GroupTypingViewModel typing = new GroupTypingViewModel(new UserMessages(ViewLoader.defaultBundle()));

    @Test
    void namesOneTwoOrTheFirstTwoAndHowManyMoreOfTheOpenGroupOnly() {
        typing.opened(ContactView.ofGroup(CLIMBING, new GroupView("Climbing", 6, true)));
        typing.changed("#ffeeddccbbaa99887766554433221100", "mallory", true);
        assertThat(typing.textProperty().get()).as("another group's typing").isEmpty();

        typing.changed(CLIMBING, "alice", true);
        assertThat(typing.textProperty().get()).isEqualTo("alice is typing\u2026");
        typing.changed(CLIMBING, "bob", true);
        assertThat(typing.textProperty().get()).isEqualTo("alice and bob are typing\u2026");
        typing.changed(CLIMBING, "carol", true);
        assertThat(typing.textProperty().get()).isEqualTo("alice, bob and 1 other are typing\u2026");
        typing.changed(CLIMBING, "dave", true);
        assertThat(typing.textProperty().get()).isEqualTo("alice, bob and 2 others are typing\u2026");

        typing.changed(CLIMBING, "alice", false);
        typing.messageFrom("carol");
        assertThat(typing.textProperty().get()).isEqualTo("bob and dave are typing\u2026");
        typing.clear();
        assertThat(typing.textProperty().get()).isEmpty();

        typing.changed(CLIMBING, "bob", true);
        typing.opened(new ContactView("bob", false, false));
        assertThat(typing.textProperty().get()).as("a contact's chat opened").isEmpty();
        typing.changed(CLIMBING, "bob", true);
        assertThat(typing.textProperty().get()).isEmpty();
    }
}
