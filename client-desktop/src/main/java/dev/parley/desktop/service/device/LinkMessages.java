package dev.parley.desktop.service.device;

import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import dev.parley.crypto.wire.Usernames;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Issue #17: the three messages two devices exchange, sealed under the linking key, once the handshake of
 * {@code DeviceLinking} is done (docs/protocol.md 1.18, "Linking"). All integers big-endian.
 * <pre>
 * provisioning (existing to new) = 0x01 || identity key pair (IdentityKeyPair.serialize, 33) || u8 L || username (L)
 *                                  || relay id (16) || relay signing key (32)
 * enrolment    (new to existing) = 0x01 || credential key (32) || proof (64, device_add's) || signed prekey id (u32)
 *                                  || its X25519 key (32) || its signature (64) || last-resort KEM prekey id (u32)
 *                                  || its ML-KEM-1024 key (1568) || its signature (64)
 * registered   (existing to new) = 0x01 || device id (u32) || u8 n || n * device id (u32): the account's devices
 * </pre>
 */
final class LinkMessages {
    static final byte VERSION = 1;
    private static final int IDENTITY_BYTES = 33;
    private static final int KEM_KEY_BYTES = 1568;

    private LinkMessages() {
    }

    /** What the existing device gives the new one: the account. */
    record Provisioning(byte[] identity, String username, byte[] relayId, byte[] relaySigningKey) {
    }

    /** What the new device gives the existing one: its credential key, the proof for it, its first prekeys. */
    record Enrolment(byte[] credentialKey, byte[] proof, SignedPreKeyPublic signedPreKey, KemPreKeyPublic lastResortKemPreKey) {
    }

    /** The new device's id and the account's devices. */
    record Registered(int deviceId, List<Integer> devices) {
    }

    static byte[] encode(Provisioning p) {
        byte[] name = p.username().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(1 + IDENTITY_BYTES + 1 + name.length + 16 + 32).put(VERSION).put(p.identity())
                .put((byte) name.length).put(name).put(p.relayId()).put(p.relaySigningKey()).array();
    }

    static Provisioning provisioning(byte[] bytes) throws MalformedLinkMessageException {
        try {
            ByteBuffer in = versioned(bytes);
            byte[] identity = take(in, IDENTITY_BYTES);
            String username = new String(take(in, Byte.toUnsignedInt(in.get())), StandardCharsets.US_ASCII);
            if (!Usernames.isValid(username)) {
                throw new MalformedLinkMessageException("provisioning: not a username");
            }
            Provisioning p = new Provisioning(identity, username, take(in, 16), take(in, 32));
            end(in);
            return p;
        } catch (BufferUnderflowException e) {
            throw new MalformedLinkMessageException("provisioning: truncated");
        }
    }

    static byte[] encode(Enrolment e) {
        return ByteBuffer.allocate(1 + 32 + 64 + 4 + 32 + 64 + 4 + KEM_KEY_BYTES + 64).put(VERSION)
                .put(e.credentialKey()).put(e.proof())
                .putInt(e.signedPreKey().id()).put(e.signedPreKey().publicKey()).put(e.signedPreKey().signature())
                .putInt(e.lastResortKemPreKey().id()).put(e.lastResortKemPreKey().publicKey())
                .put(e.lastResortKemPreKey().signature()).array();
    }

    static Enrolment enrolment(byte[] bytes) throws MalformedLinkMessageException {
        try {
            ByteBuffer in = versioned(bytes);
            byte[] credential = take(in, 32);
            byte[] proof = take(in, 64);
            SignedPreKeyPublic signed = new SignedPreKeyPublic(in.getInt(), take(in, 32), take(in, 64));
            KemPreKeyPublic kem = new KemPreKeyPublic(in.getInt(), take(in, KEM_KEY_BYTES), take(in, 64));
            end(in);
            return new Enrolment(credential, proof, signed, kem);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new MalformedLinkMessageException("enrolment: malformed");
        }
    }

    static byte[] encode(Registered r) {
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + 1 + 4 * r.devices().size()).put(VERSION).putInt(r.deviceId())
                .put((byte) r.devices().size());
        r.devices().forEach(out::putInt);
        return out.array();
    }

    static Registered registered(byte[] bytes) throws MalformedLinkMessageException {
        try {
            ByteBuffer in = versioned(bytes);
            int id = in.getInt();
            int n = Byte.toUnsignedInt(in.get());
            List<Integer> devices = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                devices.add(in.getInt());
            }
            end(in);
            if (id < 2 || !devices.contains(id) || devices.stream().anyMatch(d -> d < 1)) {
                throw new MalformedLinkMessageException("registered: bad device ids");
            }
            return new Registered(id, List.copyOf(devices));
        } catch (BufferUnderflowException e) {
            throw new MalformedLinkMessageException("registered: truncated");
        }
    }

    private static ByteBuffer versioned(byte[] bytes) throws MalformedLinkMessageException {
        if (bytes.length < 1 || bytes[0] != VERSION) {
            throw new MalformedLinkMessageException("unknown linking message version");
        }
        return ByteBuffer.wrap(bytes, 1, bytes.length - 1);
    }

    private static byte[] take(ByteBuffer in, int n) {
        byte[] out = new byte[n];
        in.get(out);
        return out;
    }

    private static void end(ByteBuffer in) throws MalformedLinkMessageException {
        if (in.hasRemaining()) {
            throw new MalformedLinkMessageException("unexpected bytes at the end of a linking message");
        }
    }

    /** A linking message that does not decode (from a device that is not a Parley of this version). */
    static final class MalformedLinkMessageException extends Exception {
        MalformedLinkMessageException(String message) {
            super(message);
        }
    }

    static boolean same(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
