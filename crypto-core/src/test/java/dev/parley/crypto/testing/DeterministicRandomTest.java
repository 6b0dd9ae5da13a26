package dev.parley.crypto.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeterministicRandomTest {
    @Test
    void sameSeedGivesSameStreamAndDifferentSeedsDiffer() {
        assertThat(new DeterministicRandom(7).bytes(100)).isEqualTo(new DeterministicRandom(7).bytes(100));
        assertThat(new DeterministicRandom(7).bytes(100)).isNotEqualTo(new DeterministicRandom(8).bytes(100));
    }

    @Test
    void chunkedReadsMatchOneRead() {
        DeterministicRandom chunked = new DeterministicRandom(1);
        byte[] a = chunked.bytes(10);
        byte[] b = chunked.bytes(50);
        byte[] whole = new DeterministicRandom(1).bytes(60);
        byte[] joined = new byte[60];
        System.arraycopy(a, 0, joined, 0, 10);
        System.arraycopy(b, 0, joined, 10, 50);
        assertThat(joined).isEqualTo(whole);
    }
}
