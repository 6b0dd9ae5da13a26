package dev.parley.desktop.service;

import dev.parley.desktop.net.RelayAddress;
import java.util.Optional;

/**
 * The local profile and its account on a relay. {@link #create} and {@link #unlock} open the encrypted profile;
 * every other service needs an unlocked profile.
 */
public interface AccountService {

    /**
     * Creates a new profile protected by {@code passphrase} for {@code username} on {@code relay}, and generates its
     * identity key and prekeys (nothing is sent to the relay yet: see {@link #register}). The profile is unlocked
     * afterwards. The caller may wipe the passphrase array as soon as this returns.
     *
     * @throws ProfileExistsException if the profile already exists
     */
    void create(String username, RelayAddress relay, char[] passphrase) throws ServiceException;

    /**
     * Opens the existing profile.
     *
     * @throws WrongPassphraseException if the passphrase does not open it
     * @throws ProfileCorruptException  if the profile files are damaged
     * @throws ProfileLockedException   if there is no profile to open
     * @throws ProfileInUseException    if the profile is open in another window or process
     */
    void unlock(char[] passphrase) throws ServiceException;

    /**
     * As {@link #unlock(char[])}; when the profile's history was written by an older Parley, its update reports to
     * {@code progress} on the calling thread.
     */
    default void unlock(char[] passphrase, dev.parley.desktop.storage.MigrationProgress progress)
            throws ServiceException {
        unlock(passphrase);
    }

    /** Closes the database and forgets the keys; harmless when already locked. */
    void lock();

    boolean isUnlocked();

    /**
     * Re-keys the profile under a new passphrase; the old one stops working.
     *
     * @throws WrongPassphraseException if {@code current} is wrong
     */
    void changePassphrase(char[] current, char[] next) throws ServiceException;

    /**
     * Registers the profile's username with its relay, uploading the identity key, the signed prekey and the stock
     * of one-time prekeys.
     *
     * @throws UsernameTakenException    if another identity holds the name
     * @throws RelayRejectedException    if the invite code is missing or wrong, or the name is invalid
     * @throws RelayUnreachableException if the relay cannot be reached
     */
    void register(Optional<String> inviteCode) throws ServiceException;

    /** The account as stored in the profile. */
    AccountStatus status() throws ServiceException;

    /**
     * Uploads new one-time prekeys if the relay's stock is below the low-water mark.
     *
     * @return how many were uploaded (0 if the stock was sufficient)
     */
    int topUpPreKeys() throws ServiceException;

    /** Generates, signs and uploads a new signed prekey; the previous one is kept for late messages. */
    void rotateSignedPreKey() throws ServiceException;

    /**
     * Points the account at another relay address or certificate pin (the relay moved or rotated its certificate).
     * Takes effect at the next connection; the username and keys stay.
     */
    void changeRelay(RelayAddress relay) throws ServiceException;

    /**
     * The file key of the embedded relay's database ("run a relay on this computer"): 32 bytes kept in this profile,
     * made on first use. The caller wipes the returned copy.
     */
    byte[] embeddedRelayDatabaseKey() throws ServiceException;
}
