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

    /** #12: a pickup batch larger than one look-up slice, part of it recorded before, and a digest twice in it. */
    @Test
    void aLargeBatchRecordsEachNewDigestOnceAndKeepsEarlierRecords() throws Exception {
        List<ReceivedEnvelope> earlier = new java.util.ArrayList<>();
        for (int i = 0; i < 700; i += 7) {
            earlier.add(new ReceivedEnvelope(numbered(i), Optional.of(new MessageId("early" + i))));
        }
        write((Transaction txn) -> storage.receivedEnvelopes().recordAll(txn, earlier));
        List<ReceivedEnvelope> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            batch.add(new ReceivedEnvelope(numbered(i), i % 2 == 0 ? Optional.of(new MessageId("m" + i)) : Optional.empty()));
        }
        batch.add(new ReceivedEnvelope(numbered(1100), Optional.of(new MessageId("again"))));
        write((Transaction txn) -> storage.receivedEnvelopes().recordAll(txn, batch));
        for (int i : new int[] {0, 7, 693, 1, 2, 699, 700, 1100, 1199}) {
            Optional<MessageId> expected = i % 7 == 0 && i < 700 ? Optional.of(new MessageId("early" + i))
                    : i % 2 == 0 ? Optional.of(new MessageId("m" + i)) : Optional.empty();
            assertThat(read((Transaction txn) -> storage.receivedEnvelopes().find(txn, numbered(i))))
                    .as("digest %d", i).contains(new ReceivedEnvelope(numbered(i), expected));
        }
        assertThat(read((Transaction txn) -> storage.receivedEnvelopes().find(txn, numbered(1200)))).isEmpty();
    }

    private static EnvelopeDigest numbered(int n) {
        byte[] bytes = new byte[EnvelopeDigest.LENGTH];
        bytes[0] = (byte) 0x7f;
        bytes[1] = (byte) (n >> 8);
        bytes[2] = (byte) n;
        return new EnvelopeDigest(bytes);
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
