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

    @Test
    void theComposerOfAGroupLeftOrRemovedFromIsClosedAndSaysWhy() {
        ContactView member = ContactView.ofGroup("#aa", new GroupView("Crag", 3, true));
        ContactView left = ContactView.ofGroup("#aa", new GroupView("Crag", 1, false));
        ContactView removed = ContactView.ofGroup("#aa", new GroupView("Crag", 2, false, true));
        assertThat(member.composerBlock()).isEmpty();
        assertThat(member.canSend()).isTrue();
        assertThat(left.canSend()).isFalse();
        assertThat(messages.get(left.composerBlock().orElseThrow()))
                .isEqualTo("You left this group, so you can no longer send to it.");
        assertThat(messages.get(removed.composerBlock().orElseThrow()))
                .isEqualTo("You were removed from this group, so you can no longer send to it.");
        assertThat(new ContactView("bob", false, true).composerBlock()).contains("main.composer.blocked");
        assertThat(new ContactView("bob", false, false).composerBlock()).isEmpty();
    }
}
