package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.ProfileChangedEvent;
import dev.parley.desktop.service.profile.AvatarImages;
import dev.parley.desktop.service.profile.DisplayNames;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import dev.parley.desktop.storage.UserProfile;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Profiles contacts share (issue #14). Kept only from a contact, or from a message request that wrote a message (a
 * profile on its own from a stranger is ignored), and only if its version is higher than the stored one. The name and
 * about line are cleaned ({@link DisplayNames}); an avatar that is not a small image is dropped, the rest kept.
 * Issue #17: a profile from another device of this account is this account's own profile, changed there, and is kept
 * as the own profile by the same rule (a higher version wins).
 */
final class ProfileHandler implements PayloadHandler<Payload.Profile> {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileHandler.class);

    private final Storage storage;

    ProfileHandler(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Class<Payload.Profile> type() {
        return Payload.Profile.class;
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.Profile>> received, ReceivedBatch batch) throws StorageException {
        Optional<String> own = storage.account().get(txn).map(dev.parley.desktop.storage.AccountInfo::username);
        for (Received<Payload.Profile> r : received) {
            boolean ownProfile = own.isPresent() && own.get().equals(r.sender()) && !r.inGroup();
            if (!ownProfile && !mayShare(txn, r.sender())) {
                LOG.debug("ignoring a profile from someone who is not a contact");
                continue;
            }
            Payload.Profile p = r.payload();
            byte[] avatar = AvatarImages.checkReceived(p.avatar()).orElse(new byte[0]);
            if (avatar.length == 0 && p.avatar().length > 0) {
                LOG.info("dropping a received avatar that is not a small image");
            }
            UserProfile profile = new UserProfile(r.sender(), p.version(), DisplayNames.name(p.displayName()),
                    DisplayNames.about(p.about()), avatar, batch.now());
            if (storage.profiles().putIfNewer(txn, profile)) {
                txn.attach(new ProfileChangedEvent(r.sender()));
            }
        }
    }

    private boolean mayShare(Transaction txn, String sender) throws StorageException {
        Optional<Contact> contact = storage.contacts().find(txn, sender);
        if (contact.isEmpty()) {
            return false;
        }
        if (contact.get().identityChange() == IdentityChangeState.REQUEST) {
            return storage.conversations().find(txn, ConversationId.direct(sender)).isPresent();
        }
        return true;
    }
}
