package dev.parley.desktop.service.group;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import dev.parley.desktop.storage.Transaction;

/**
 * Deleting a group's conversation from this computer (issue #15): its messages go with their search words, reactions
 * and member receipts. A group this profile still belongs to keeps its state and keys, and an empty conversation that
 * its next message lands in; a group it left is forgotten altogether (state, keys, key holders, join requests), so a
 * later change that adds this profile again starts it afresh.
 */
final class GroupErasure {
    private GroupErasure() {
    }

    /** @return how many messages were deleted */
    static int erase(Transaction txn, Storage storage, GroupKeys keys, StoredGroup group) throws StorageException {
        ConversationId conversation = ConversationId.group(group.state().id());
        int deleted = storage.historyEraser().erase(txn, conversation);
        if (group.active()) {
            storage.conversations().group(txn, conversation);
        } else {
            keys.forgetAll(txn, group.state().id());
            storage.groups().remove(txn, group.state().id());
        }
        return deleted;
    }
}
