package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.EnvelopeDigest;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.ReceivedEnvelope;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

public abstract class ReceivedEnvelopeContract extends StorageContract {

    private static EnvelopeDigest digest(int fill) {
        byte[] bytes = new byte[EnvelopeDigest.LENGTH];
        Arrays.fill(bytes, (byte) fill);
        return new EnvelopeDigest(bytes);
    }

    @Test
    void recordedEnvelopesAreFoundWithTheirMessageOrAsControl() throws Exception {
        ReceivedEnvelope text = new ReceivedEnvelope(digest(1), Optional.of(new MessageId("m1")));
        ReceivedEnvelope receipt = new ReceivedEnvelope(digest(2), Optional.empty());
        write((Transaction txn) -> storage.receivedEnvelopes().recordAll(txn, List.of(text, receipt)));
        assertThat(read((Transaction txn) -> storage.receivedEnvelopes().find(txn, digest(1)))).contains(text);
        assertThat(read((Transaction txn) -> storage.receivedEnvelopes().find(txn, digest(2)))).contains(receipt);
        assertThat(read((Transaction txn) -> storage.receivedEnvelopes().find(txn, digest(3)))).isEmpty();
    }

    @Test
    void recordingAgainKeepsTheFirstRecord() throws Exception {
        ReceivedEnvelope first = new ReceivedEnvelope(digest(1), Optional.of(new MessageId("m1")));
        write((Transaction txn) -> storage.receivedEnvelopes().recordAll(txn, List.of(first)));
        write((Transaction txn) -> storage.receivedEnvelopes().recordAll(txn,
                List.of(new ReceivedEnvelope(digest(1), Optional.of(new MessageId("m2"))), first)));
        write((Transaction txn) -> storage.receivedEnvelopes().recordAll(txn, List.of()));
        assertThat(read((Transaction txn) -> storage.receivedEnvelopes().find(txn, digest(1)))).contains(first);
    }

    @Test
    void aRecordIsVisibleInsideItsTransactionAndGoneAfterRollback() throws Exception {
        assertThatThrownBy(() -> write((Transaction txn) -> {
            storage.receivedEnvelopes().recordAll(txn, List.of(new ReceivedEnvelope(digest(4), Optional.empty())));
            assertThat(storage.receivedEnvelopes().find(txn, digest(4))).isPresent();
            throw new java.io.IOException("crash before commit");
        })).isInstanceOf(java.io.IOException.class);
        assertThat(read((Transaction txn) -> storage.receivedEnvelopes().find(txn, digest(4)))).isEmpty();
    }

    @Test
    void recordingInAReadOnlyTransactionIsRefused() {
        assertThatThrownBy(() -> read((Transaction txn) -> {
            storage.receivedEnvelopes().recordAll(txn, List.of(new ReceivedEnvelope(digest(5), Optional.empty())));
            return null;
        })).isInstanceOf(StorageException.class).hasMessageContaining("read-only");
    }

    @Test
    void aDigestOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new EnvelopeDigest(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EnvelopeDigest(null)).isInstanceOf(NullPointerException.class);
        assertThat(digest(1).toString()).doesNotContain("1, 1");
    }
}
