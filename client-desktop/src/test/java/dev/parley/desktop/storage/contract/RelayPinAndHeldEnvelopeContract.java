package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.HeldEnvelope;
import dev.parley.desktop.storage.RelayPin;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Protocol v2 state: the pinned relay, the account's sender certificate, and envelopes held apart. */
public abstract class RelayPinAndHeldEnvelopeContract extends StorageContract {

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Test
    void theRelayPinAndCertificateNeedTheAccountAndAreKeptWithIt() throws Exception {
        RelayPin pin = new RelayPin(filled(16, 1), filled(32, 2));
        assertThatThrownBy(() -> write((Transaction txn) -> storage.account().pinRelay(txn, pin)))
                .isInstanceOf(StorageException.class);
        write((Transaction txn) -> storage.account().put(txn, new AccountInfo("alice", "ws://127.0.0.1:1/parley")));
        assertThat(read((Transaction txn) -> storage.account().relayPin(txn))).isEmpty();
        assertThat(read((Transaction txn) -> storage.account().senderCertificate(txn))).isEmpty();
        write((Transaction txn) -> {
            storage.account().pinRelay(txn, pin);
            storage.account().putSenderCertificate(txn, filled(142, 3));
        });
        write((Transaction txn) -> storage.account().put(txn, new AccountInfo("alice", "ws://127.0.0.1:2/parley")));
        assertThat(read((Transaction txn) -> storage.account().relayPin(txn))).contains(pin);
        assertThat(read((Transaction txn) -> storage.account().senderCertificate(txn)).orElseThrow())
                .isEqualTo(filled(142, 3));
    }

    @Test
    void heldEnvelopesAreKeptPerSenderInArrivalOrderUntilRemoved() throws Exception {
        write((Transaction txn) -> {
            storage.heldEnvelopes().hold(txn, new HeldEnvelope(0, "bob", filled(32, 1), filled(10, 1), 100));
            storage.heldEnvelopes().hold(txn, new HeldEnvelope(0, "carol", filled(32, 2), filled(10, 2), 200));
            storage.heldEnvelopes().hold(txn, new HeldEnvelope(0, "bob", filled(32, 1), filled(10, 3), 300));
        });
        var bobs = read((Transaction txn) -> storage.heldEnvelopes().forSender(txn, "bob"));
        assertThat(bobs).extracting(HeldEnvelope::receivedAtMillis).containsExactly(100L, 300L);
        assertThat(bobs.get(0).id()).isLessThan(bobs.get(1).id());
        assertThat(bobs.get(1).blob()).isEqualTo(filled(10, 3));
        assertThat(read((Transaction txn) -> storage.heldEnvelopes().count(txn, "bob"))).isEqualTo(2);
        assertThat(writeAndGet((Transaction txn) -> storage.heldEnvelopes().removeAll(txn, "bob"))).isEqualTo(2);
        assertThat(read((Transaction txn) -> storage.heldEnvelopes().forSender(txn, "bob"))).isEmpty();
        assertThat(read((Transaction txn) -> storage.heldEnvelopes().count(txn, "carol"))).isEqualTo(1);
    }

    @Test
    void aHeldEnvelopeIsGoneAfterRollback() throws Exception {
        assertThatThrownBy(() -> write((Transaction txn) -> {
            storage.heldEnvelopes().hold(txn, new HeldEnvelope(0, "bob", filled(32, 1), filled(10, 1), 100));
            throw new java.io.IOException("crash before commit");
        })).isInstanceOf(java.io.IOException.class);
        assertThat(read((Transaction txn) -> storage.heldEnvelopes().count(txn, "bob"))).isZero();
    }
}
