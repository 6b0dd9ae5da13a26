package dev.parley.desktop.service.account;

import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.session.OneTimePreKeyRecord;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unlocked account's keys and its dealings with the relay: generating the identity and prekeys, registering,
 * topping up one-time prekeys and rotating the signed prekey. Also the login credentials for the connection.
 */
public final class AccountKeys implements CredentialsSource, PreKeyReplenisher {
    private static final Logger LOG = LoggerFactory.getLogger(AccountKeys.class);
    static final String NEXT_PREKEY_ID = "next-prekey-id";
    static final String SIGNED_PREKEY_ID = "signed-prekey-id";

    private final ProfileCrypto crypto;
    private final Supplier<RelayGateway> gateway;
    private final RelayPinning pinning;
    private final int stock;

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
    }

    /** Generates and stores the identity key, the first signed prekey and the first one-time prekeys. */
    public void initialize() throws StorageFailureException {
        crypto.lock().lock();
        try {
            try (IdentityKeyPair identity = IdentityKeyPair.generate(crypto.context().crypto(), crypto.context().random())) {
                crypto.storage().transactions().transaction(false, txn -> crypto.state().storeIdentity(txn, identity));
            }
            ProtocolUnitOfWork work = crypto.state().begin();
            PreKeyGenerator generator = new PreKeyGenerator(crypto.context());
            SignedPreKeyRecord signed = generator.generateSignedPreKey(crypto.identity(), 1);
            work.storeSignedPreKey(signed);
            work.setCounter(SIGNED_PREKEY_ID, 1);
            for (OneTimePreKeyRecord record : generator.generateOneTimePreKeys(1, stock)) {
                work.storePreKey(record);
            }
            work.setCounter(NEXT_PREKEY_ID, 1 + stock);
            crypto.storage().transactions().transaction(false, txn -> work.commit(txn));
            work.committed();
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot store the new keys", e);
        } finally {
            crypto.lock().unlock();
        }
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

    @Override
    public RelayCredentials credentials() throws ServiceException {
        AccountInfo account = account();
        IdentityKeyPair identity = identity();
        return new RelayCredentials(RelayAddress.fromText(account.relayAddress()), account.username(),
                message -> crypto.context().crypto().ed25519().sign(identity.signingKeyPair(), message),
                identity.publicKey());
    }

    /** Registers the account's username with its relay, uploading the stored prekeys. */
    public void register(Optional<String> inviteCode) throws ServiceException {
        AccountInfo account = account();
        SignedPreKeyRecord signed;
        List<OneTimePreKeyPublic> oneTime = new ArrayList<>();
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            signed = work.loadSignedPreKey(work.counter(SIGNED_PREKEY_ID));
            int next = work.counter(NEXT_PREKEY_ID);
            for (int id = Math.max(1, next - Request.MAX_PREKEYS_PER_FRAME); id < next; id++) {
                if (work.containsPreKey(id)) {
                    oneTime.add(work.loadPreKey(id).publicPart());
                }
            }
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
            return new Request.Register(account.username(), identity.publicKey().bytes(), signed.publicPart(), oneTime,
                    inviteCode.orElse(null), proof);
        });
        LOG.info("registered with the relay ({} one-time prekeys)", oneTime.size());
    }

    /**
     * Uploads {@code count} new one-time prekeys (generated and stored first, so a lost answer only wastes ids).
     *
     * @return how many the relay holds now
     */
    public int uploadOneTimePreKeys(int count) throws ServiceException {
        if (count < 1) {
            return 0;
        }
        List<OneTimePreKeyPublic> publics = new ArrayList<>();
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            int next = work.counter(NEXT_PREKEY_ID);
            int batch = Math.min(count, Request.MAX_PREKEYS_PER_FRAME);
            for (OneTimePreKeyRecord record : new PreKeyGenerator(crypto.context()).generateOneTimePreKeys(next, batch)) {
                work.storePreKey(record);
                publics.add(record.publicPart());
            }
            work.setCounter(NEXT_PREKEY_ID, next + batch);
            crypto.storage().transactions().transaction(false, txn -> work.commit(txn));
            work.committed();
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot store new prekeys", e);
        } finally {
            crypto.lock().unlock();
        }
        Response response = gateway.get().call(new Request.UploadPreKeys(null, publics));
        return ((Response.PreKeyCount) response).remaining();
    }

    /** Generates, stores and uploads a new signed prekey; older ones stay for messages still in flight. */
    public void rotateSignedPreKey() throws ServiceException {
        SignedPreKeyRecord signed;
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            int id = work.counter(SIGNED_PREKEY_ID) + 1;
            signed = new PreKeyGenerator(crypto.context()).generateSignedPreKey(crypto.identity(), id);
            work.storeSignedPreKey(signed);
            work.setCounter(SIGNED_PREKEY_ID, id);
            crypto.storage().transactions().transaction(false, txn -> work.commit(txn));
            work.committed();
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot store the new signed prekey", e);
        } finally {
            crypto.lock().unlock();
        }
        gateway.get().call(new Request.UploadPreKeys(signed.publicPart(), List.of()));
        LOG.info("rotated the signed prekey");
    }

    @Override
    public void replenish(int remaining) {
        try {
            int count = uploadOneTimePreKeys(stock - remaining);
            LOG.info("one-time prekeys topped up; the relay holds {}", count);
        } catch (ServiceException | RuntimeException e) {
            LOG.warn("could not top up one-time prekeys: {}", e.getMessage());
        }
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
