package dev.parley.desktop.service.device;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.account.AccountKeys;
import dev.parley.desktop.service.connection.JoiningLink;
import dev.parley.desktop.storage.StorageException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * Issue #17: a new profile that joins an existing account as its next device ({@code init --link CODE}): the linking
 * handshake ({@link DeviceJoiner}), then the profile is created with the account's username and identity key, pins
 * the relay the other device uses, makes its own prekeys and credential key, and is registered by the other device;
 * it stores its device id, its credential key and the account's device list, and from then on logs in as that
 * device ({@code device_authenticate}).
 */
public final class DeviceJoin {
    /** Creates the profile for the account (the account service). */
    @FunctionalInterface
    public interface Creator {
        AccountKeys create(String username, IdentityKeyPair identity) throws ServiceException;
    }

    /** The account joined and this device's id in it. */
    public record Joined(String username, int deviceId) {
    }

    private final CryptoProvider crypto;
    private final Clock clock;

    public DeviceJoin(CryptoProvider crypto, Clock clock) {
        this.crypto = crypto;
        this.clock = clock;
    }

    public Joined join(JoiningLink link, String code, String deviceName, Duration timeout, Creator creator)
            throws ServiceException {
        if (deviceName == null || deviceName.isBlank()
                || deviceName.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
            throw new InvalidInputException("device name: 1 to 64 bytes of UTF-8");
        }
        DeviceJoiner joiner = new DeviceJoiner(crypto, clock);
        try (DeviceJoiner.Pending pending = joiner.begin(link, code, deviceName, timeout)) {
            AccountKeys keys;
            byte[] serialized = pending.identity();
            try (IdentityKeyPair identity = IdentityKeyPair.deserialize(crypto, serialized)) {
                keys = creator.create(pending.username(), identity);
            } catch (UnsupportedVersionException | CorruptStateException e) {
                throw new InvalidInputException("the other device sent an identity this version cannot read");
            } finally {
                Arrays.fill(serialized, (byte) 0);
            }
            keys.pinRelay(pending.challenge());
            try (Ed25519KeyPair credential = crypto.ed25519().generateKeyPair()) {
                byte[] proof = crypto.ed25519().sign(credential,
                        AuthProof.deviceAddMessage(pending.challenge().relayId(), pending.username()));
                LinkMessages.Registered registered = joiner.finish(pending, new LinkMessages.Enrolment(
                        credential.publicKey(), proof, keys.currentSignedPreKey(), keys.currentLastResortKemPreKey()),
                        timeout);
                store(keys.crypto(), pending.username(), registered, credential);
                return new Joined(pending.username(), registered.deviceId());
            }
        }
    }

    private static void store(ProfileCrypto crypto, String username, LinkMessages.Registered registered,
                              Ed25519KeyPair credential) throws StorageFailureException {
        byte[] seed = credential.seed().bytes();
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            work.devices().setOwnDeviceId(registered.deviceId());
            work.devices().setCredentialSeed(seed);
            work.devices().set(username, registered.devices());
            crypto.storage().transactions().transaction(false, work::commit);
            work.committed();
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot store this device's records", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
            crypto.lock().unlock();
        }
    }
}
