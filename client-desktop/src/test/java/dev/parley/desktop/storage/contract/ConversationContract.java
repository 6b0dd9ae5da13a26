package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.Conversation;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationKind;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.Optional;
import org.junit.jupiter.api.Test;

public abstract class ConversationContract extends StorageContract {

    @Test
    void aDirectConversationIsRecordedOnceWithItsKindAndPeer() throws Exception {
        assertThat(read((Transaction txn) -> storage.conversations().find(txn, ConversationId.direct("bob")))).isEmpty();
        Conversation first = writeAndGet((Transaction txn) -> storage.conversations().direct(txn, "bob"));
        Conversation again = writeAndGet((Transaction txn) -> storage.conversations().direct(txn, "bob"));
        assertThat(again).isEqualTo(first);
        assertThat(first.kind()).isEqualTo(ConversationKind.DIRECT);
        assertThat(first.directPeer()).contains("bob");
        assertThat(first.hasParticipant("bob")).isTrue();
        assertThat(first.hasParticipant("carol")).isFalse();
        assertThat(read((Transaction txn) -> storage.conversations().find(txn, ConversationId.direct("bob"))))
                .contains(first);
    }

    @Test
    void aConversationRecordedInAFailedTransactionIsGone() {
        assertThatThrownBy(() -> write((Transaction txn) -> {
            storage.conversations().direct(txn, "bob");
            throw new java.io.IOException("crash before commit");
        })).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> read((Transaction txn) -> storage.conversations().direct(txn, "carol")))
                .isInstanceOf(StorageException.class).hasMessageContaining("read-only");
    }

    @Test
    void conversationsAreKeptApart() throws Exception {
        write((Transaction txn) -> storage.conversations().direct(txn, "bob"));
        write((Transaction txn) -> storage.conversations().direct(txn, "carol"));
        Optional<Conversation> carol = read((Transaction txn) -> storage.conversations().find(txn, ConversationId.direct("carol")));
        assertThat(carol).map(Conversation::directPeer).contains(Optional.of("carol"));
    }
}
