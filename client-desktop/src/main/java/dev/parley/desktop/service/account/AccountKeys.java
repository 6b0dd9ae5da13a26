package dev.parley.desktop.service.account;

import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.session.KemPreKeyRecord;
import dev.parley.crypto.session.PreKeyGenerator;
import dev.parley.crypto.session.SignedPreKeyRecord;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.service.NotRegisteredException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.desktop.service.connection.CredentialsSource;
import dev.parley.desktop.service.connection.RelayPinning;
import dev.parley.desktop.service.connection.PreKeyReplenisher;
import dev.parley.desktop.service.connection.RelayCredentials;
import dev.parley.desktop.service.connection.RelayGateway;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.StorageException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unlocked account's keys and its dealings with the relay: generating the identity and prekeys (EC and ML-KEM),
 * registering, topping up one-time prekey sets and rotating the signed and last-resort KEM prekeys
 * ({@link PreKeyRotation}). Also the login credentials for the connection.
 */
public final class AccountKeys implements CredentialsSource, PreKeyReplenisher {
    private static final Logger LOG = LoggerFactory.getLogger(AccountKeys.class);
    static final String NEXT_PREKEY_ID = "next-prekey-id";
    static final String SIGNED_PREKEY_ID = "signed-prekey-id";
    static final String NEXT_KEM_PREKEY_ID = "next-kem-prekey-id";
    static final String LAST_RESORT_KEM_ID = "last-resort-kem-id";
    static final int FIRST_KEM_ID = 1;
    /** 1 while prekeys made after a restore (issue #17) are not yet on the relay. */
    static final String UNPUBLISHED_AFTER_RESTORE = "unpublished-after-restore";
    /**
     * 1 while contacts have not yet been told of a restore (issue #17, RESTORED payload); the new signed prekey's id
     * names the restore ({@code RestoreAnnouncer}).
     */
    public static final String ANNOUNCE_AFTER_RESTORE = "announce-after-restore";
    /** The counter holding the current signed prekey's id. */
    public static final String CURRENT_SIGNED_PREKEY_ID = "signed-prekey-id";

    private final ProfileCrypto crypto;
    private final Supplier<RelayGateway> gateway;
    private final RelayPinning pinning;
    private final int stock;
    private final PreKeyRotation rotation;
    private final RestoredPreKeys restored;
    private final DeviceLogins logins;
    private int toppedUpFrom = -1;

    /**
     * @param stock how many one-time prekeys the relay should hold (initial upload and top-up target, at most 200)
     */
    public AccountKeys(ProfileCrypto crypto, Supplier<RelayGateway> gateway, RelayPinning pinning, int stock) {
        if (stock < 1 || stock > Request.MAX_PREKEYS_PER_FRAME) {
            throw new IllegalArgumentException("prekey stock must be 1 to " + Request.MAX_PREKEYS_PER_FRAME);
        }
        this.crypto = crypto;
        this.gateway = gateway;
        this.pinning = pinning;
        this.stock = stock;
        this.rotation = new PreKeyRotation(crypto, gateway);
        this.restored = new RestoredPreKeys(crypto, gateway, stock);
        this.logins = new DeviceLogins(crypto);
    }

    /**
     * Generates and stores the identity key, the first signed prekey, the first last-resort KEM prekey and the first
     * {@link Request#MAX_KEM_PREKEYS_PER_FRAME} one-time prekey sets (the rest of the stock is uploaded after the
     * first sign-in, when the relay reports the stock low).
     */
    public void initialize() throws StorageFailureException {
        try (IdentityKeyPair identity = IdentityKeyPair.generate(crypto.context().crypto(), crypto.context().random())) {
            initialize(identity);
        }
    }

    /**
     * As {@link #initialize()} with a given identity key pair: a device joining an account (issue #17) stores the
     * account's identity and makes prekeys of its own.
     */
    public void initialize(IdentityKeyPair identity) throws StorageFailureException {
        crypto.lock().lock();
        try {
            crypto.storage().transactions().transaction(false, txn -> crypto.state().storeIdentity(txn, identity));
            ProtocolUnitOfWork work = crypto.state().begin();
            PreKeyGenerator generator = new PreKeyGenerator(crypto.context());
            SignedPreKeyRecord signed = generator.generateSignedPreKey(crypto.identity(), 1);
            work.storeSignedPreKey(signed);
            work.setCounter(SIGNED_PREKEY_ID, 1);
            work.storeKemPreKey(generator.generateKemPreKey(crypto.identity(), FIRST_KEM_ID, true));
            work.setCounter(LAST_RESORT_KEM_ID, FIRST_KEM_ID);
            work.setCounter(NEXT_PREKEY_ID, 1);
            work.setCounter(NEXT_KEM_PREKEY_ID, FIRST_KEM_ID + 1);
            OneTimePreKeySets.generate(work, generator, crypto.identity(), Math.min(stock, Request.MAX_KEM_PREKEYS_PER_FRAME));
            crypto.storage().transactions().transaction(false, txn -> work.commit(txn));
            work.committed();
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot store the new keys", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    /**
     * Issue #17: a profile restored from a backup has its identity and its id counters but no prekeys (backups never
     * carry them). Generates a new signed prekey, last-resort KEM prekey and one-time sets, all with ids past the old
     * ones (the relay may still hold the old public halves), and marks them for upload at the next sign-in
     * ({@link #replenish}). Does nothing for a profile that has its current signed prekey, or none yet (being created).
     *
     * @return true if new keys were made
     */
    public boolean regenerateAfterRestore() throws StorageFailureException {
        return restored.regenerate();
    }

    /** Issue #17: this device's current signed prekey and last-resort KEM prekey (public halves), for device_add. */
    public dev.parley.crypto.prekey.SignedPreKeyPublic currentSignedPreKey() throws StorageFailureException {
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            return work.loadSignedPreKey(work.counter(SIGNED_PREKEY_ID)).publicPart();
        } catch (dev.parley.crypto.exceptions.InvalidKeyIdException | ProtocolStorageException e) {
            throw new StorageFailureException("the profile's prekeys are unreadable", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    /** See {@link #currentSignedPreKey}. */
    public KemPreKeyPublic currentLastResortKemPreKey() throws StorageFailureException {
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            return work.loadKemPreKey(work.counter(LAST_RESORT_KEM_ID)).publicPart();
        } catch (dev.parley.crypto.exceptions.InvalidKeyIdException | ProtocolStorageException e) {
            throw new StorageFailureException("the profile's prekeys are unreadable", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    /** Issue #17: pins the relay a joining device met (checked against the other device's pin first). */
    public void pinRelay(dev.parley.crypto.wire.Push.Challenge challenge) throws ServiceException {
        pinning.check(challenge);
    }

    /** The profile's protocol state (issue #17: a joining device stores its device records there). */
    public ProfileCrypto crypto() {
        return crypto;
    }

    /** The stored account (username and relay). */
    public AccountInfo account() throws ServiceException {
        try {
            return crypto.storage().transactions().transactionWithResult(true, txn -> crypto.storage().account().get(txn))
                    .orElseThrow(() -> new NotRegisteredException("the profile has no account"));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the account", e);
        }
    }

    /** Replaces the stored relay address (and pin), keeping the username. */
    public void changeRelay(RelayAddress relay) throws ServiceException {
        AccountInfo current = account();
        try {
            crypto.storage().transactions().transaction(false, txn ->
                    crypto.storage().account().put(txn, new AccountInfo(current.username(), relay.toText())));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot store the relay address", e);
        }
        LOG.info("relay address changed");
    }

    @Override
    public RelayCredentials credentials() throws ServiceException {
        AccountInfo account = account();
        IdentityKeyPair identity = identity();
        return new RelayCredentials(RelayAddress.fromText(account.relayAddress()), account.username(),
                message -> crypto.context().crypto().ed25519().sign(identity.signingKeyPair(), message),
                identity.publicKey(), logins.current());
    }

    @Override
    public void tentativeCredentialAccepted() {
        logins.settlePending(true);
    }

    @Override
    public void tentativeCredentialRefused() {
        logins.settlePending(false);
    }

    /**
     * Registers the account's username with its relay, uploading the signed prekey, the last-resort KEM prekey and the
     * newest stored one-time prekey sets (at most {@link Request#MAX_KEM_PREKEYS_PER_FRAME}).
     */
    public void register(Optional<String> inviteCode) throws ServiceException {
        AccountInfo account = account();
        SignedPreKeyRecord signed;
        KemPreKeyRecord lastResort;
        OneTimePreKeySets sets;
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            signed = work.loadSignedPreKey(work.counter(SIGNED_PREKEY_ID));
            lastResort = work.loadKemPreKey(work.counter(LAST_RESORT_KEM_ID));
            sets = OneTimePreKeySets.newestStored(work);
        } catch (dev.parley.crypto.exceptions.InvalidKeyIdException | ProtocolStorageException e) {
            throw new StorageFailureException("the profile's prekeys are unreadable", e);
        } finally {
            crypto.lock().unlock();
        }
        IdentityKeyPair identity = identity();
        gateway.get().callUnauthenticated(RelayAddress.fromText(account.relayAddress()), challenge -> {
            pinning.check(challenge);
            byte[] proof = crypto.context().crypto().ed25519().sign(identity.signingKeyPair(),
                    AuthProof.registrationMessage(challenge.relayId(), account.username()));
            return new Request.Register(account.username(), identity.publicKey().bytes(), signed.publicPart(),
                    sets.oneTime(), lastResort.publicPart(), sets.kem(), inviteCode.orElse(null), proof);
        });
        LOG.info("registered with the relay ({} one-time prekey sets)", sets.oneTime().size());
    }

    /**
     * Uploads {@code count} new one-time prekey sets (a one-time prekey and a one-time KEM prekey each), generated and
     * stored first so a lost answer only wastes ids; {@link Request#MAX_KEM_PREKEYS_PER_FRAME} sets per frame.
     *
     * @return how many sets the relay holds now
     */
    public int uploadOneTimePreKeys(int count) throws ServiceException {
        int remaining = -1;
        int left = Math.min(count, Request.MAX_PREKEYS_PER_FRAME);
        while (left > 0) {
            int batch = Math.min(left, Request.MAX_KEM_PREKEYS_PER_FRAME);
            OneTimePreKeySets sets;
            crypto.lock().lock();
            try {
                ProtocolUnitOfWork work = crypto.state().begin();
                sets = OneTimePreKeySets.generate(work, new PreKeyGenerator(crypto.context()), crypto.identity(), batch);
                crypto.storage().transactions().transaction(false, txn -> work.commit(txn));
                work.committed();
            } catch (StorageException | ProtocolStorageException e) {
                throw new StorageFailureException("cannot store new prekeys", e);
            } finally {
                crypto.lock().unlock();
            }
            Response response = gateway.get().call(new Request.UploadPreKeys(null, sets.oneTime(), null, sets.kem()));
            remaining = ((Response.PreKeyCount) response).remaining();
            left -= batch;
        }
        return Math.max(remaining, 0);
    }

    /**
     * Generates, stores and uploads a new signed prekey and a new last-resort KEM prekey; older ones stay for messages
     * still in flight until {@link PreKeyRotation} deletes them.
     */
    public void rotateSignedPreKey() throws ServiceException {
        rotation.rotate();
    }

    /**
     * Called after each sign-in (with the count the relay reported) and whenever the relay pushes that the stock is
     * low: rotates the signed and last-resort KEM prekeys when due (deleting replaced ones past retention), then tops
     * the relay's one-time prekey sets up to the stock. The relay reports the same count twice after a sign-in (in
     * {@code authenticated} and in {@code prekeys_low}); the second report of a count already topped up from is
     * skipped, so uploads are not doubled. After a restore it first replaces the relay's prekeys and tops up from the
     * count that leaves. Failures are logged and retried at the next call.
     */
    @Override
    public synchronized void replenish(int reported) {
        int remaining = reported;
        try {
            int replaced = restored.publishIfPending();
            if (replaced >= 0) {
                remaining = replaced;
            }
            rotation.rotateIfDue();
            if (remaining < stock && remaining != toppedUpFrom) {
                int count = uploadOneTimePreKeys(stock - remaining);
                toppedUpFrom = remaining;
                LOG.info("one-time prekeys topped up; the relay holds {}", count);
            }
        } catch (dev.parley.desktop.service.RelayUnreachableException e) {
            // Also what a top-up still running when the connection stops (a CLI command exiting) ends with.
            LOG.info("one-time prekeys not topped up ({}); retried at the next sign-in", e.getMessage());
        } catch (ServiceException e) {
            LOG.warn("could not top up one-time prekeys ({}); retried at the next sign-in", e.getMessage());
        } catch (RuntimeException e) {
            // A top-up overtaken by the connection's shutdown (its executor refuses new work) or another internal
            // failure: nothing for the user to act on, and internal class names stay out of their terminal.
            LOG.info("one-time prekeys not topped up; retried at the next sign-in");
            LOG.debug("prekey top-up failure", e);
        }
    }

    /** The embedded relay's database key (see {@link EmbeddedRelayKey}); the caller wipes the copy. */
    public byte[] embeddedRelayDatabaseKey() throws StorageFailureException {
        return EmbeddedRelayKey.of(crypto);
    }

    public int stock() {
        return stock;
    }

    public IdentityKeyPair identity() throws StorageFailureException {
        try {
            return crypto.identity();
        } catch (ProtocolStorageException e) {
            throw new StorageFailureException("cannot load the identity key", e);
        }
    }

}
