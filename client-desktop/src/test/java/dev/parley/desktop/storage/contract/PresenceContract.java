package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.Transaction;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue #14, presence: the last-seen time of each contact. */
public abstract class PresenceContract extends StorageContract {

    @Test
    void lastSeenKeepsTheLatestTimeAndIsForgottenOnRemove() throws Exception {
        write((Transaction txn) -> storage.presence().recordSeen(txn, "bob", T0.plusSeconds(10)));
        write((Transaction txn) -> storage.presence().recordSeen(txn, "bob", T0));
        write((Transaction txn) -> storage.presence().recordSeen(txn, "carol", T0.plusSeconds(3)));
        assertThat(read((Transaction txn) -> storage.presence().lastSeen(txn, "bob"))).contains(T0.plusSeconds(10));
        write((Transaction txn) -> storage.presence().recordSeen(txn, "bob", T0.plusSeconds(20)));
        assertThat(read((Transaction txn) -> storage.presence().all(txn)))
                .isEqualTo(Map.of("bob", T0.plusSeconds(20), "carol", T0.plusSeconds(3)));
        assertThat(writeAndGet((Transaction txn) -> storage.presence().remove(txn, "bob"))).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.presence().remove(txn, "bob"))).isFalse();
        assertThat(read((Transaction txn) -> storage.presence().lastSeen(txn, "bob"))).isEqualTo(Optional.empty());
    }

    @Test
    void aSightingInAFailedTransactionIsGone() throws Exception {
        assertThatThrownBy(() -> write((Transaction txn) -> {
            storage.presence().recordSeen(txn, "bob", T0);
            throw new java.io.IOException("crash before commit");
        })).isInstanceOf(java.io.IOException.class);
        assertThat(read((Transaction txn) -> storage.presence().all(txn))).isEmpty();
    }
}
