package dev.parley.desktop.service.profile;

import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.event.ProfileChangedEvent;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ProfileService;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.service.messaging.ProfileSharing;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.UserProfile;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link ProfileService} over the profile's storage; sharing goes through {@link ProfileSharing}. */
public final class DefaultProfileService implements ProfileService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultProfileService.class);
    private static final int MAX_NICKNAME_CODE_POINTS = DisplayNames.MAX_NAME_CODE_POINTS;

    private final ProfileCrypto crypto;
    private final Supplier<String> ownUsername;
    private final ProfileSharing sharing;

    public DefaultProfileService(ProfileCrypto crypto, Supplier<String> ownUsername, ProfileSharing sharing) {
        this.crypto = crypto;
        this.ownUsername = ownUsername;
        this.sharing = sharing;
    }

    @Override
    public Optional<UserProfile> own() throws ServiceException {
        return read(ownUsername.get());
    }

    @Override
    public UserProfile update(Update update) throws ServiceException {
        Optional<String> name = update.displayName().isPresent()
                ? Optional.of(checked(update.displayName().get(), DisplayNames.MAX_NAME_CODE_POINTS, "display name"))
                : Optional.empty();
        Optional<String> about = update.about().isPresent()
                ? Optional.of(checked(update.about().get(), DisplayNames.MAX_ABOUT_CODE_POINTS, "about line"))
                : Optional.empty();
        Optional<byte[]> avatar = update.avatarFile().isPresent()
                ? Optional.of(AvatarImages.prepare(update.avatarFile().get())) : Optional.empty();
        String own = ownUsername.get();
        UserProfile saved;
        try {
            saved = storage().transactions().transactionWithResult(false, txn -> {
                Optional<UserProfile> current = storage().profiles().find(txn, own);
                long version = Math.max(current.map(UserProfile::version).orElse(0L) + 1, crypto.context().clock().millis());
                UserProfile next = new UserProfile(own, version,
                        name.orElse(current.map(UserProfile::displayName).orElse("")),
                        about.orElse(current.map(UserProfile::about).orElse("")),
                        update.clearAvatar() ? new byte[0] : avatar.orElse(current.map(UserProfile::avatar).orElse(new byte[0])),
                        crypto.context().clock().instant());
                storage().profiles().putIfNewer(txn, next);
                txn.attach(new ProfileChangedEvent(own));
                return next;
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot store the profile", e);
        }
        sharing.toOwnDevices(saved);
        int shared = sharing.shareWithAll();
        LOG.info("profile changed; sent to {} contacts", shared);
        return saved;
    }

    /** The cleaned text; refused if it is longer than allowed (the sender refuses, the receiver cuts). */
    private static String checked(String raw, int maxCodePoints, String what) throws InvalidInputException {
        String clean = DisplayNames.clean(raw, Integer.MAX_VALUE);
        if (clean.codePointCount(0, clean.length()) > maxCodePoints) {
            throw new InvalidInputException("the " + what + " is longer than " + maxCodePoints + " characters");
        }
        return clean;
    }

    @Override
    public ContactProfile of(String username) throws ServiceException {
        Contact contact = contact(username);
        Optional<UserProfile> profile = read(username);
        return view(contact, profile);
    }

    @Override
    public ContactProfile setNickname(String username, String nickname) throws ServiceException {
        String clean = DisplayNames.clean(nickname == null ? "" : nickname, Integer.MAX_VALUE);
        if (clean.codePointCount(0, clean.length()) > MAX_NICKNAME_CODE_POINTS) {
            throw new InvalidInputException("the nickname is longer than " + MAX_NICKNAME_CODE_POINTS + " characters");
        }
        try {
            boolean known = storage().transactions().transactionWithResult(false, txn -> {
                boolean set = storage().contacts().setDisplayName(txn, username, clean.isEmpty() ? null : clean);
                if (set) {
                    txn.attach(new ProfileChangedEvent(username));
                }
                return set;
            });
            if (!known) {
                throw new UnknownContactException("no such contact");
            }
        } catch (StorageException e) {
            throw new StorageFailureException("cannot store the nickname", e);
        } catch (IllegalArgumentException e) {
            throw new UnknownContactException("no such contact");
        }
        crypto.state().invalidateContact(username);
        return of(username);
    }

    private static ContactProfile view(Contact contact, Optional<UserProfile> profile) {
        Optional<String> nickname = contact.display();
        String shown = nickname.orElseGet(() -> DisplayNames.shown(profile.map(UserProfile::displayName).orElse(""),
                contact.username()));
        return new ContactProfile(contact.username(), shown, profile, nickname);
    }

    private Contact contact(String username) throws ServiceException {
        try {
            return storage().transactions().transactionWithResult(true, txn -> storage().contacts().find(txn, username))
                    .orElseThrow(() -> new UnknownContactException("no such contact"));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read contacts", e);
        } catch (IllegalArgumentException e) {
            throw new UnknownContactException("no such contact");
        }
    }

    private Optional<UserProfile> read(String username) throws ServiceException {
        try {
            return storage().transactions().transactionWithResult(true, txn -> storage().profiles().find(txn, username));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the profile", e);
        }
    }

    private Storage storage() {
        return crypto.storage();
    }
}
