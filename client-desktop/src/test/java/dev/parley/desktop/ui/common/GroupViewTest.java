package dev.parley.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the chat header and group info say under a group's title: members, or whether this profile left or was removed. */
class GroupViewTest {
    private final UserMessages messages = new UserMessages(ViewLoader.defaultBundle());

    private String header(GroupView group) {
        return messages.get(group.statusKey(), group.members());
    }

    @Test
    void aMemberSeesTheCountOneWhoLeftOrWasRemovedSeesWhichWithTheCount() {
        assertThat(header(new GroupView("Crag", 3, true))).isEqualTo("3 members");
        assertThat(header(new GroupView("Crag", 1, false))).isEqualTo("You left this group (1 member)");
        assertThat(header(new GroupView("Crag", 2, false, true))).isEqualTo("You were removed from this group (2 members)");
        assertThat(GroupView.statusKey(false, true)).isEqualTo("groups.removed");
    }
}
