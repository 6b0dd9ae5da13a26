package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public abstract class ReactionContract extends StorageContract {
    private static final MessageId M1 = new MessageId("aa01");
    private static final MessageId M2 = new MessageId("aa02");
    private static final ConversationId BOB = ConversationId.direct("bob");

    @BeforeEach
    void storeTheMessages() throws Exception {
        write((Transaction txn) -> {
            storage.conversations().direct(txn, "bob");
            storage.messages().insertAllIfAbsent(txn, List.of(NewMessage.incoming(M1, BOB, "bob", T0, T0, "one"),
                    NewMessage.incoming(M2, BOB, "bob", T0, T0, "two")));
        });
    }

    /** A reaction needs its message here (the removal of messages relies on it): refused, and nothing is written. */
    @Test
    void aReactionToAMessageNotHereIsRefusedAndNothingIsStored() throws Exception {
        MessageId missing = new MessageId("aa09");
        assertThatThrownBy(() -> write((Transaction txn) -> storage.reactions().put(txn,
                new Reaction(missing, "bob", "👍", T0)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(read((Transaction txn) -> storage.reactions().of(txn, missing))).isEmpty();
        assertThat(read((Transaction txn) -> storage.messages().find(txn, missing))).isEmpty();
        write((Transaction txn) -> storage.messages().insertIfAbsent(txn,
                NewMessage.incoming(missing, BOB, "bob", T0, T0, "late")));
        assertThat(read((Transaction txn) -> storage.reactions().of(txn, missing))).isEmpty();
    }

    /** A reaction removed and one put again: removing the message takes whatever reactions it has at that time. */
    @Test
    void removingAMessageTakesItsReactionsWhateverCameAndWent() throws Exception {
        write((Transaction txn) -> storage.reactions().put(txn, new Reaction(M1, "bob", "👍", T0)));
        write((Transaction txn) -> storage.reactions().remove(txn, M1, "bob"));
        write((Transaction txn) -> storage.reactions().put(txn, new Reaction(M1, "carol", "❤️", T0)));
        write((Transaction txn) -> storage.reactions().put(txn, new Reaction(M2, "carol", "❤️", T0)));
        write((Transaction txn) -> storage.reactions().remove(txn, M2, "carol"));
        assertThat(writeAndGet((Transaction txn) -> storage.changes().remove(txn, List.of(M1, M2)))).isEqualTo(2);
        assertThat(read((Transaction txn) -> storage.reactions().ofAll(txn, List.of(M1, M2)))).isEmpty();
        write((Transaction txn) -> storage.messages().insertIfAbsent(txn,
                NewMessage.incoming(M1, BOB, "bob", T0, T0, "one again")));
        assertThat(read((Transaction txn) -> storage.reactions().of(txn, M1))).isEmpty();
        assertThat(read((Transaction txn) -> storage.messages().find(txn, M1))).map(Message::body).hasValue("one again");
    }

    @Test
    void onePersonHasOneReactionPerMessageAndANewOneReplacesIt() throws Exception {
        write((Transaction txn) -> storage.reactions().put(txn, new Reaction(M1, "bob", "👍", T0)));
        write((Transaction txn) -> storage.reactions().put(txn, new Reaction(M1, "carol", "❤️", T0.plusSeconds(1))));
        write((Transaction txn) -> storage.reactions().put(txn, new Reaction(M1, "bob", "😂", T0.plusSeconds(2))));
        write((Transaction txn) -> storage.reactions().put(txn, new Reaction(M2, "bob", "🎉", T0)));
        assertThat(read((Transaction txn) -> storage.reactions().of(txn, M1)))
                .containsExactly(new Reaction(M1, "carol", "❤️", T0.plusSeconds(1)), new Reaction(M1, "bob", "😂", T0.plusSeconds(2)));
        assertThat(read((Transaction txn) -> storage.reactions().of(txn, M2))).extracting(Reaction::emoji).containsExactly("🎉");
    }

    @Test
    void aReactionCanBeRemovedOnce() throws Exception {
        write((Transaction txn) -> storage.reactions().put(txn, new Reaction(M1, "bob", "👍", T0)));
        assertThat(writeAndGet((Transaction txn) -> storage.reactions().remove(txn, M1, "bob"))).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.reactions().remove(txn, M1, "bob"))).isFalse();
        assertThat(read((Transaction txn) -> storage.reactions().of(txn, M1))).isEmpty();
    }

    @Test
    void aReactionStoredInAFailedTransactionIsGone() throws Exception {
        assertThatThrownBy(() -> write((Transaction txn) -> {
            storage.reactions().put(txn, new Reaction(M1, "bob", "👍", T0));
            throw new java.io.IOException("crash before commit");
        })).isInstanceOf(java.io.IOException.class);
        assertThat(read((Transaction txn) -> storage.reactions().of(txn, M1))).isEmpty();
    }
}
