package dev.parley.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AvatarsTest {

    @Test
    void initialsFromWordsOrSeparators() {
        assertThat(Avatars.initials("alice")).isEqualTo("A");
        assertThat(Avatars.initials("ada lovelace")).isEqualTo("AL");
        assertThat(Avatars.initials("ada.lovelace")).isEqualTo("AL");
        assertThat(Avatars.initials("bob_the-builder")).isEqualTo("BT");
        assertThat(Avatars.initials("  ")).isEqualTo("?");
        assertThat(Avatars.initials(null)).isEqualTo("?");
        assertThat(Avatars.initials("...")).isEqualTo(".");
    }

    @Test
    void colourIsStableAndInRange() {
        assertThat(Avatars.colorIndex("alice")).isEqualTo(Avatars.colorIndex("alice"));
        for (String name : new String[] {"", "a", "bob", "carol", "dave", "zzzzzzzzzzzzzz"}) {
            assertThat(Avatars.colorIndex(name)).isBetween(0, Avatars.PALETTE_SIZE - 1);
        }
    }
}
