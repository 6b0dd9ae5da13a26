package dev.parley.bench.ui;

import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.storage.Storage;

/**
 * #12's reactions and edits on top of {@link BigConversationProfile}'s texts (whose fill already made every twentieth
 * message a reply), written through the profile's own stores: a reaction on every fifth message (from the other side)
 * and one edit of every twentieth.
 */
final class RichConversation {
    private RichConversation() {
    }

    static void enrich(Storage storage, int messages) throws Exception {
        int batch = 1_000;
        for (int start = 0; start < messages; start += batch) {
            int from = start;
            storage.transactions().transaction(false, txn -> {
                for (int i = from; i < Math.min(from + batch, messages); i++) {
                    MessageId id = BigConversationProfile.messageId(i);
                    if (i % 5 == 0) {
                        Message m = storage.messages().find(txn, id).orElseThrow();
                        String reactor = m.direction() == Direction.OUTGOING ? BigConversationProfile.CONTACT
                                : BigConversationProfile.PROFILE;
                        storage.reactions().put(txn, new Reaction(id, reactor, "\uD83D\uDC4D", m.sentAt().plusSeconds(5)));
                    }
                    if (i % 20 == 3) {
                        Message m = storage.messages().find(txn, id).orElseThrow();
                        storage.changes().edit(txn, id, m.body() + " (edited)", m.sentAt().plusSeconds(10));
                    }
                }
            });
        }
    }
}
