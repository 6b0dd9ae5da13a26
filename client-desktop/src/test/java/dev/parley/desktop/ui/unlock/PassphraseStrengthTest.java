package dev.parley.desktop.ui.unlock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PassphraseStrengthTest {

    @Test
    void emptyAndShortAreNotAcceptable() {
        assertThat(PassphraseStrength.of("")).isEqualTo(PassphraseStrength.EMPTY);
        assertThat(PassphraseStrength.of(null)).isEqualTo(PassphraseStrength.EMPTY);
        assertThat(PassphraseStrength.of("Ab1!xyz")).isEqualTo(PassphraseStrength.TOO_SHORT);
        assertThat(PassphraseStrength.TOO_SHORT.acceptable()).isFalse();
    }

    @Test
    void commonAndRepetitivePassphrasesAreWeak() {
        assertThat(PassphraseStrength.of("password")).isEqualTo(PassphraseStrength.WEAK);
        assertThat(PassphraseStrength.of("PASSWORD1")).isEqualTo(PassphraseStrength.WEAK);
        assertThat(PassphraseStrength.of("aaaaaaaaaa")).isEqualTo(PassphraseStrength.WEAK);
        assertThat(PassphraseStrength.of("abcdefghij")).isEqualTo(PassphraseStrength.WEAK);
        assertThat(PassphraseStrength.WEAK.acceptable()).isFalse();
    }

    @Test
    void longerAndRicherPassphrasesRateHigher() {
        PassphraseStrength medium = PassphraseStrength.of("tulip river");
        PassphraseStrength strong = PassphraseStrength.of("correct horse battery staple 42!");
        assertThat(medium.acceptable()).isTrue();
        assertThat(strong).isEqualTo(PassphraseStrength.STRONG);
        assertThat(strong.compareTo(medium)).isPositive();
        assertThat(strong.bars()).isEqualTo(4);
    }

    @Test
    void entropyGrowsWithLength() {
        assertThat(PassphraseStrength.entropyBits("kq8vzt3m")).isLessThan(PassphraseStrength.entropyBits("kq8vzt3mwp2x"));
    }
}
