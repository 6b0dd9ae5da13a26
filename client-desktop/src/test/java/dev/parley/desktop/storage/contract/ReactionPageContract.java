package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageStore;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue #12: a history page reads the reactions of all its messages at once, not one query per message. */
public abstract class ReactionPageContract extends StorageContract {

    @Test
    void thePageReadsTheSameReactionsAsOneQueryPerMessage() throws Exception {
        List<MessageId> page = new ArrayList<>();
        ConversationId bob = ConversationId.direct("bob");
        write((Transaction txn) -> {
            storage.conversations().direct(txn, "bob");
            List<NewMessage> messages = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                messages.add(NewMessage.incoming(new MessageId(String.format("e%04x", i)), bob, "bob", T0, T0, "m"));
            }
            messages.add(NewMessage.incoming(new MessageId("ffff"), bob, "bob", T0, T0, "outside the page"));
            storage.messages().insertAllIfAbsent(txn, messages);
            for (int i = 0; i < 300; i++) {
                MessageId id = new MessageId(String.format("e%04x", i));
                page.add(id);
                if (i % 5 == 0) {
                    storage.reactions().put(txn, new Reaction(id, "bob", "👍", T0.plusSeconds(i)));
                }
                if (i % 15 == 0) {
                    storage.reactions().put(txn, new Reaction(id, "carol", "❤️", T0.plusSeconds(i).minusMillis(1)));
                }
            }
            storage.reactions().put(txn, new Reaction(new MessageId("ffff"), "bob", "🎉", T0));
        });
        Map<MessageId, List<Reaction>> all = read((Transaction txn) -> storage.reactions().ofAll(txn, page));
        assertThat(all).hasSize(60).doesNotContainKey(new MessageId("ffff"));
        for (MessageId id : page) {
            List<Reaction> one = read((Transaction txn) -> storage.reactions().of(txn, id));
            assertThat(all.getOrDefault(id, List.of())).as(id.value()).isEqualTo(one);
        }
        assertThat(all.get(page.get(0))).extracting(Reaction::reactor).containsExactly("carol", "bob");
    }

    @Test
    void anEmptyPageHasNoReactionsAndAPageIsBounded() throws Exception {
        assertThat(read((Transaction txn) -> storage.reactions().ofAll(txn, List.of()))).isEmpty();
        List<MessageId> tooMany = new ArrayList<>();
        for (int i = 0; i <= MessageStore.MAX_LIMIT; i++) {
            tooMany.add(new MessageId(String.format("e%04x", i)));
        }
        assertThatThrownBy(() -> read((Transaction txn) -> storage.reactions().ofAll(txn, tooMany)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
