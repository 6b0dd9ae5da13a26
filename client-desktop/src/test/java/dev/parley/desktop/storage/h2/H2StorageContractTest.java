package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.contract.AttachmentContract;
import dev.parley.desktop.storage.contract.ContactAndOutboxContract;
import dev.parley.desktop.storage.contract.ConversationContract;
import dev.parley.desktop.storage.contract.ReactionContract;
import dev.parley.desktop.storage.contract.MessageChangeContract;
import dev.parley.desktop.storage.contract.DisappearingContract;
import dev.parley.desktop.storage.contract.MessageBatchInsertContract;
import dev.parley.desktop.storage.contract.MessageStoreContract;
import dev.parley.desktop.storage.contract.GroupContract;
import dev.parley.desktop.storage.contract.ListenCursorContract;
import dev.parley.desktop.storage.contract.PendingReceiptContract;
import dev.parley.desktop.storage.contract.ReceivedEnvelopeContract;
import dev.parley.desktop.storage.contract.RelayPinAndHeldEnvelopeContract;
import dev.parley.desktop.storage.contract.SettingsAndSecretsContract;
import dev.parley.desktop.storage.contract.TransactionContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;

/** The store contracts against the encrypted {@link H2Storage} (a real file under a temp directory). */
class H2StorageContractTest {

    static Storage newStorage(Path dir, EventPublisher publisher) {
        try {
            return H2Storage.create(dir.resolve("data"), TestKeys.key(1), publisher);
        } catch (DatabaseOpenException e) {
            throw new AssertionError(e);
        }
    }

    @Nested
    class Transactions extends TransactionContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class Messages extends MessageStoreContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class ContactsAndOutbox extends ContactAndOutboxContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class SettingsAndSecrets extends SettingsAndSecretsContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class ReceivedEnvelopes extends ReceivedEnvelopeContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class MessageBatches extends MessageBatchInsertContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class OwedReceipts extends PendingReceiptContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class RelayPinsAndHeldEnvelopes extends RelayPinAndHeldEnvelopeContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class Groups extends GroupContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class ListenCursor extends ListenCursorContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class Conversations extends ConversationContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class Reactions extends ReactionContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class MessageChanges extends MessageChangeContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class DisappearingMessages extends DisappearingContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class Attachments extends AttachmentContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class ConversationErasure extends dev.parley.desktop.storage.contract.ConversationErasureContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) throws Exception {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class People extends dev.parley.desktop.storage.contract.PeopleContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) throws Exception {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class Profiles extends dev.parley.desktop.storage.contract.ProfileContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) throws Exception {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class MemberReceipts extends dev.parley.desktop.storage.contract.MemberReceiptContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) throws Exception {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class MessageTimes extends dev.parley.desktop.storage.contract.MessageTimesContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) throws Exception {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class Unread extends dev.parley.desktop.storage.contract.UnreadContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) throws Exception {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class QuoteRemoval extends dev.parley.desktop.storage.contract.QuoteRemovalContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) throws Exception {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class ReactionPages extends dev.parley.desktop.storage.contract.ReactionPageContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) throws Exception {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class AttachmentCleanup extends dev.parley.desktop.storage.contract.AttachmentCleanupContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) throws Exception {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class ListenChanges extends dev.parley.desktop.storage.contract.ListenChangeContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) throws Exception {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class Presence extends dev.parley.desktop.storage.contract.PresenceContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) throws Exception {
            return newStorage(dir, publisher);
        }
    }

    @Nested
    class ConversationMarks extends dev.parley.desktop.storage.contract.ConversationMarkContract {
        @Override
        protected Storage create(Path dir, EventPublisher publisher) throws Exception {
            return newStorage(dir, publisher);
        }
    }
}
