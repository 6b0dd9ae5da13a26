package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.ListenChange;
import dev.parley.desktop.storage.ListenChangeStore;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue #12: the changes listen prints, oldest first, removed once printed, bounded. */
public abstract class ListenChangeContract extends StorageContract {
    private static final MessageId M1 = new MessageId("a1");
    private static final MessageId M2 = new MessageId("a2");

    private List<ListenChange> oldest(int limit) throws Exception {
        return read((Transaction txn) -> storage.listenChanges().oldest(txn, limit));
    }

    @Test
    void changesComeBackOldestFirstUntilRemoved() throws Exception {
        write((Transaction txn) -> storage.listenChanges().note(txn, ListenChange.changed(M1)));
        write((Transaction txn) -> storage.listenChanges().note(txn, ListenChange.reaction(M2, "bob", "👍")));
        write((Transaction txn) -> storage.listenChanges().note(txn, ListenChange.reaction(M2, "bob", null)));
        List<ListenChange> all = oldest(10);
        assertThat(all).extracting(ListenChange::kind).containsExactly(ListenChange.Kind.CHANGED,
                ListenChange.Kind.REACTION, ListenChange.Kind.REACTION);
        assertThat(all.get(1).emoji()).isEqualTo("👍");
        assertThat(all.get(2).emoji()).isNull();
        assertThat(all.get(0).seq()).isLessThan(all.get(1).seq());
        assertThat(oldest(1)).containsExactly(all.get(0));
        write((Transaction txn) -> storage.listenChanges().removeUpTo(txn, all.get(1).seq()));
        assertThat(oldest(10)).containsExactly(all.get(2));
    }

    @Test
    void onlyTheNewestAreKept() throws Exception {
        write((Transaction txn) -> {
            for (int i = 0; i < ListenChangeStore.MAX_KEPT + 5; i++) {
                storage.listenChanges().note(txn, ListenChange.reaction(M1, "r" + i, "👍"));
            }
        });
        List<ListenChange> first = oldest(1);
        assertThat(first.get(0).reactor()).isEqualTo("r5");
        int count = 0;
        List<ListenChange> page;
        long after = 0;
        while (!(page = oldest(500)).isEmpty() && page.get(0).seq() > after) {
            count += page.size();
            after = page.get(page.size() - 1).seq();
            long upTo = after;
            write((Transaction txn) -> storage.listenChanges().removeUpTo(txn, upTo));
        }
        assertThat(count).isEqualTo(ListenChangeStore.MAX_KEPT);
    }
}
