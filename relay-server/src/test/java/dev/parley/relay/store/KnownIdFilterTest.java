package dev.parley.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.testing.DeterministicRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownIdFilterTest {
    @Test
    void everyAddedIdIsAMaybeAndFewOthersAre() {
        DeterministicRandom random = new DeterministicRandom(7);
        KnownIdFilter filter = new KnownIdFilter(20);
        byte[] bob = UsernameKey.legacy("bob");
        List<byte[]> added = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] id = random.bytes(16);
            filter.add(bob, id);
            added.add(id);
        }
        assertThat(added).allMatch(id -> filter.mightContain(bob, id));
        assertThat(added).as("ids are per recipient").filteredOn(id -> filter.mightContain(UsernameKey.legacy("carol"), id))
                .hasSizeLessThan(200);
        int falseMaybes = 0;
        for (int i = 0; i < 20_000; i++) {
            if (filter.mightContain(bob, random.bytes(16))) {
                falseMaybes++;
            }
        }
        assertThat(falseMaybes).isLessThan(200);
    }
}
