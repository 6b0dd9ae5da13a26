package dev.parley.crypto.payload;

/**
 * Issue #17, linked devices: the sender's account unlinked its device {@code deviceId} (DEVICE_UNLINKED 50,
 * docs/protocol.md 1.18, "Re-keying groups when a device is unlinked"), sent by the device that unlinked it to the
 * fellow members of the account's groups. A receiver stops encrypting to that device and starts a fresh sender key in
 * every group it shares with the account, so the unlinked device cannot read its later group messages.
 *
 * @param deviceId the unlinked device's id within the sender's account (1 or more)
 */
public record DeviceUnlinked(int deviceId) implements Payload {
    public DeviceUnlinked {
        if (deviceId < 1) {
            throw new IllegalArgumentException("device id: 1 or more expected");
        }
    }

    @Override
    public int typeCode() {
        return PayloadType.DEVICE_UNLINKED.code();
    }
}
