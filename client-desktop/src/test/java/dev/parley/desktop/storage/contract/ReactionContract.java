package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.storage.Transaction;
import org.junit.jupiter.api.Test;

public abstract class ReactionContract extends StorageContract {
    private static final MessageId M1 = new MessageId("aa01");
    private static final MessageId M2 = new MessageId("aa02");

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
