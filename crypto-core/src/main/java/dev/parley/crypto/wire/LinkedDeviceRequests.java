package dev.parley.crypto.wire;

import static dev.parley.crypto.wire.RequestChecks.checkBytes;
import static dev.parley.crypto.wire.RequestChecks.checkDeviceId;
import static dev.parley.crypto.wire.RequestChecks.checkKemPreKeys;
import static dev.parley.crypto.wire.RequestChecks.checkPreKeys;

import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import java.util.List;
import java.util.Objects;

/**
 * The frames of linked devices (docs/protocol.md, "Linked devices"): a device's login, adding, listing, unlinking
 * and renaming devices, sending to every device of an account, and the linking channel.
 *
 * <p>Only {@link Request} extends this interface, and only to give each record its name {@code Request.X}:
 * write {@code Request.DeviceAuthenticate}, never {@code LinkedDeviceRequests.DeviceAuthenticate}.
 */
public interface LinkedDeviceRequests {
    /**
     * Logs a device in: its credential key's signature over {@link AuthProof#deviceMessage}. Answered with
     * {@link Response.Authenticated}.
     */
    record DeviceAuthenticate(String username, int deviceId, byte[] signature) implements Request {
        public DeviceAuthenticate {
            Objects.requireNonNull(username, "username");
            checkDeviceId(deviceId);
            checkBytes(signature, 64, "signature");
        }
    }

    /** Replaces the calling device's credential key; {@code proof} by the new key ({@link AuthProof#deviceCredentialMessage}). */
    record DeviceCredential(byte[] credentialKey, byte[] proof) implements Request {
        public DeviceCredential {
            checkBytes(credentialKey, 32, "credentialKey");
            checkBytes(proof, 64, "proof");
        }
    }

    /**
     * Registers a new device under the caller's account (sent by an existing device once its user confirmed the new
     * one). Answered with {@link Response.DeviceAdded}; {@code proof} by the new credential key
     * ({@link AuthProof#deviceAddMessage}); the prekeys are signed by the account's identity key.
     */
    record DeviceAdd(byte[] credentialKey, byte[] name, SignedPreKeyPublic signedPreKey,
                     List<OneTimePreKeyPublic> oneTimePreKeys, KemPreKeyPublic lastResortKemPreKey,
                     List<KemPreKeyPublic> kemPreKeys, byte[] proof) implements Request {
        public DeviceAdd {
            checkBytes(credentialKey, 32, "credentialKey");
            checkBytes(proof, 64, "proof");
            if (name == null || name.length > MAX_DEVICE_NAME_BYTES) {
                throw new IllegalArgumentException("name: at most " + MAX_DEVICE_NAME_BYTES + " bytes expected");
            }
            Objects.requireNonNull(signedPreKey, "signedPreKey");
            Objects.requireNonNull(lastResortKemPreKey, "lastResortKemPreKey");
            oneTimePreKeys = checkPreKeys(oneTimePreKeys);
            kemPreKeys = checkKemPreKeys(kemPreKeys);
        }
    }

    /** The current devices of an account. Answered with {@link Response.DeviceListResult}. */
    record DeviceList(String username) implements Request {
        public DeviceList {
            Objects.requireNonNull(username, "username");
        }
    }

    /** One device's prekey bundle, as {@link FetchBundle} (device 1's). Answered with {@link Response.Bundle}. */
    record DeviceFetchBundle(String username, int deviceId) implements Request {
        public DeviceFetchBundle {
            Objects.requireNonNull(username, "username");
            checkDeviceId(deviceId);
        }
    }

    /**
     * One message to every current device of {@code to} (less the sender's own): a sealed copy each. Answered with
     * {@link Response.SendAccepted}, or {@link Response.DeviceListStale} when the copies do not name exactly the
     * current devices (nothing is stored then).
     */
    record DeviceSend(String to, byte[] clientMessageId, List<DeviceCopy> copies) implements Request {
        public DeviceSend {
            Objects.requireNonNull(to, "to");
            checkBytes(clientMessageId, CLIENT_MESSAGE_ID_BYTES, "clientMessageId");
            copies = List.copyOf(Objects.requireNonNull(copies, "copies"));
            if (copies.isEmpty() || copies.size() > MAX_DEVICES) {
                throw new IllegalArgumentException("copies: 1 to " + MAX_DEVICES + " expected");
            }
            if (copies.stream().map(DeviceCopy::deviceId).distinct().count() != copies.size()) {
                throw new IllegalArgumentException("copies: each device at most once");
            }
        }
    }

    /**
     * An ephemeral payload (typing, presence) to every current device of {@code to} (less the sender's own): a sealed
     * copy each, pushed to the devices that are connected and dropped for the others, as {@link SendEphemeral}.
     * Answered with {@link Response.Ok}, or {@link Response.DeviceListStale} when the copies do not name exactly the
     * current devices (nothing is pushed then).
     */
    record DeviceSendEphemeral(String to, List<DeviceCopy> copies) implements Request {
        public DeviceSendEphemeral {
            Objects.requireNonNull(to, "to");
            copies = List.copyOf(Objects.requireNonNull(copies, "copies"));
            if (copies.isEmpty() || copies.size() > MAX_DEVICES) {
                throw new IllegalArgumentException("copies: 1 to " + MAX_DEVICES + " expected");
            }
            if (copies.stream().map(DeviceCopy::deviceId).distinct().count() != copies.size()) {
                throw new IllegalArgumentException("copies: each device at most once");
            }
        }
    }

    /** One device's sealed copy of a {@link DeviceSend} or {@link DeviceSendEphemeral}. */
    record DeviceCopy(int deviceId, byte[] blob) {
        public DeviceCopy {
            checkDeviceId(deviceId);
            if (blob == null || blob.length == 0) {
                throw new IllegalArgumentException("blob: non-empty bytes expected");
            }
        }
    }

    /** Unlinks a device of the caller's account (itself included, never the last one). Answered with {@link Response.Ok}. */
    record DeviceUnlink(int deviceId) implements Request {
        public DeviceUnlink {
            checkDeviceId(deviceId);
        }
    }

    /**
     * Renames the calling device (issue #17, Settings > Devices): its new name, sealed by the client like
     * {@link DeviceAdd}'s (opaque to the relay, at most {@link #MAX_DEVICE_NAME_BYTES}). Answered with
     * {@link Response.Ok}.
     */
    record DeviceRename(byte[] name) implements Request {
        public DeviceRename {
            if (name == null || name.length == 0 || name.length > MAX_DEVICE_NAME_BYTES) {
                throw new IllegalArgumentException("name: 1 to " + MAX_DEVICE_NAME_BYTES + " bytes expected");
            }
        }
    }

    /**
     * Opens a linking channel (an authenticated, existing device; docs/protocol.md "Linked devices"): messages a new
     * device sends on it reach this connection. Answered with {@link Response.Ok}.
     */
    record LinkOpen(byte[] channel) implements Request {
        public LinkOpen {
            checkBytes(channel, LINK_CHANNEL_BYTES, "channel");
        }
    }

    /**
     * Sends a linking message on a channel, also before authentication (the new device has no account yet): to the
     * new device from the channel's opener, to the opener from anyone else (the first such connection becomes the
     * channel's new device). Pushed as {@link Push.LinkMessage}; answered with {@link Response.Ok}.
     */
    record LinkSend(byte[] channel, byte[] blob) implements Request {
        public LinkSend {
            checkBytes(channel, LINK_CHANNEL_BYTES, "channel");
            if (blob == null || blob.length == 0) {
                throw new IllegalArgumentException("blob: non-empty bytes expected");
            }
        }
    }
}
