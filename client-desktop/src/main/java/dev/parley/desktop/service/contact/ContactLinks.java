package dev.parley.desktop.service.contact;

import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.SafetyNumber;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.service.IdentityChangedException;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.StorageException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Contact links (issue #14): making the own one, and checking someone's against the relay this profile uses and the
 * identity key the relay serves for them.
 */
final class ContactLinks {
    private final ProfileCrypto crypto;
    private final Supplier<String> ownUsername;

    ContactLinks(ProfileCrypto crypto, Supplier<String> ownUsername) {
        this.crypto = crypto;
        this.ownUsername = ownUsername;
    }

    ContactLink own() throws ServiceException {
        RelayAddress relay = relay();
        try {
            String fingerprint = SafetyNumber.fingerprintDigits(crypto.context().crypto(), crypto.identity().publicKey(),
                    ownUsername.get());
            return new ContactLink(ownUsername.get(), relay.uri(), fingerprint, relay.certificate().map(Object::toString));
        } catch (ProtocolStorageException e) {
            throw new StorageFailureException("cannot load the identity key", e);
        }
    }

    /**
     * The link's contact, if it is for the relay this profile uses.
     *
     * @throws InvalidInputException if it is for another relay (cross-relay contacts are not supported yet)
     */
    ContactLink forThisRelay(ContactLink link) throws ServiceException {
        RelayAddress relay = relay();
        if (!sameRelay(link, relay)) {
            throw new InvalidInputException("this link is for another relay (" + link.relay().getHost()
                    + "); contacts on other relays are not supported yet: both of you need accounts on the same relay");
        }
        return link;
    }

    /**
     * Checks the identity key the relay serves for the link's user against the link's fingerprint.
     *
     * @throws IdentityChangedException if they differ: the link is wrong, or the relay serves someone else's key
     */
    void verify(ContactLink link, byte[] identityKey) throws ServiceException {
        String served;
        try {
            served = SafetyNumber.fingerprintDigits(crypto.context().crypto(), new IdentityKey(identityKey), link.username());
        } catch (IllegalArgumentException e) {
            throw new IdentityChangedException("the relay served an invalid identity key for this user", e);
        }
        if (!served.equals(link.fingerprint())) {
            throw new IdentityChangedException("the fingerprint in the link does not match the key the relay serves for "
                    + link.username() + ": the link is wrong or someone else holds that username; nothing was added");
        }
    }

    private static boolean sameRelay(ContactLink link, RelayAddress relay) {
        return link.relay().normalize().toString().replaceAll("/+$", "")
                .equalsIgnoreCase(relay.uri().normalize().toString().replaceAll("/+$", ""));
    }

    private RelayAddress relay() throws ServiceException {
        try {
            Optional<AccountInfo> account = crypto.storage().transactions().transactionWithResult(true,
                    txn -> crypto.storage().account().get(txn));
            return RelayAddress.fromText(account.orElseThrow(() -> new StorageFailureException("this profile has no account"))
                    .relayAddress());
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the account", e);
        }
    }
}
