package dev.parley.crypto.link;

import dev.parley.crypto.kdf.Kdf;
import dev.parley.crypto.kdf.Label;
import dev.parley.crypto.primitives.AuthenticationFailedException;
import dev.parley.crypto.primitives.ConstantTime;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.InvalidPublicKeyException;
import dev.parley.crypto.primitives.X25519KeyPair;
import dev.parley.crypto.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The authenticated key exchange that links a new device to an account (docs/protocol.md 1.18). The existing device
 * E shows a {@link LinkCode} (an 80-bit secret {@code s}, and in its link form E's ephemeral key); both devices talk
 * through a relay channel named by {@link #channel}. Every message is MACed under a key derived from {@code s}, so a
 * relay that substitutes its own ephemeral key for either side's is detected ({@link LinkRefusedException.Reason#TAMPERED})
 * unless it knows the code; both then derive the key that seals the provisioning message.
 *
 * <pre>
 * macKey = HKDF(salt = none, ikm = s, info = LINK_MAC_KEY, 32)
 * offer  = 0x01 || e_pub (32) || expiresAt (i64 ms) || HMAC(macKey, LINK_OFFER || 0x01 || e_pub || expiresAt)
 * reply  = 0x01 || n_pub (32) || u8 L || name (UTF-8, L ≤ 64) || HMAC(macKey, LINK_REPLY || e_pub || those bytes)
 * key    = HKDF(salt = s, ikm = X25519(e, n), info = LINK_KEY || e_pub || n_pub, 32)
 * sealed = nonce (24) || XSalsa20-Poly1305(key, nonce, provisioning)
 * </pre>
 */
public final class DeviceLinking {
    public static final int SECRET_BYTES = 10;
    /** How long a code is good for. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    public static final int MAX_NAME_BYTES = 64;
    private static final byte VERSION = 1;
    private static final int OFFER_BYTES = 1 + 32 + 8 + 32;
    private static final int NONCE_BYTES = 24;

    private final CryptoProvider crypto;
    private final Kdf kdf;

    public DeviceLinking(CryptoProvider crypto) {
        this.crypto = crypto;
        this.kdf = new Kdf(crypto);
    }

    /** The existing device's side: its ephemeral key pair, the secret and when the code expires. */
    public record Offer(X25519KeyPair ephemeral, byte[] secret, long expiresAtMillis) {
        public Offer {
            secret = secret.clone();
        }

        @Override
        public byte[] secret() {
            return secret.clone();
        }

        @Override
        public String toString() {
            return "Offer[expiresAtMillis=" + expiresAtMillis + "]";
        }

        /** The code to show (link form, with the key). */
        public LinkCode code() {
            return new LinkCode(Optional.of(ephemeral.publicKey()), secret);
        }
    }

    /** The outcome of a verified exchange: the other device's name (E's view) and the provisioning key. */
    public record Linked(String deviceName, SecretBytes key) {
    }

    /** The new device's side after it checked the offer: the reply to send back and the provisioning key. */
    public record Joined(byte[] reply, SecretBytes key) {
    }

    /** A fresh offer, valid for {@link #LIFETIME} from {@code nowMillis}. */
    public Offer offer(long nowMillis) {
        return new Offer(crypto.x25519().generateKeyPair(), crypto.random().bytes(SECRET_BYTES),
                nowMillis + LIFETIME.toMillis());
    }

    /** The relay channel both devices use: the first 16 bytes of SHA-256(LINK_CHANNEL || s). */
    public byte[] channel(byte[] secret) {
        return Arrays.copyOf(kdf.hash(Label.LINK_CHANNEL, secret), 16);
    }

    /** What E posts on the channel. */
    public byte[] offerMessage(Offer offer) {
        byte[] body = ByteBuffer.allocate(1 + 32 + 8).put(VERSION).put(offer.ephemeral().publicKey())
                .putLong(offer.expiresAtMillis()).array();
        return concat(body, kdf.hmac(macKey(offer.secret()), Kdf.concat(Label.LINK_OFFER, body)));
    }

    /**
     * N checks E's offer against the code it was given (the key too, for a link) and answers it.
     *
     * @throws LinkRefusedException TAMPERED for a wrong code or a substituted key, EXPIRED after the code's life
     */
    public Joined join(LinkCode code, byte[] offerMessage, String deviceName, long nowMillis) throws LinkRefusedException {
        if (offerMessage.length != OFFER_BYTES || offerMessage[0] != VERSION) {
            throw new LinkRefusedException(LinkRefusedException.Reason.MALFORMED, "not a linking offer of this version");
        }
        byte[] secret = code.secret();
        byte[] body = Arrays.copyOf(offerMessage, OFFER_BYTES - 32);
        byte[] mac = Arrays.copyOfRange(offerMessage, OFFER_BYTES - 32, OFFER_BYTES);
        byte[] offerKey = Arrays.copyOfRange(offerMessage, 1, 33);
        boolean macOk = ConstantTime.equals(mac, kdf.hmac(macKey(secret), Kdf.concat(Label.LINK_OFFER, body)));
        boolean keyOk = code.offerKey().map(k -> ConstantTime.equals(k, offerKey)).orElse(true);
        if (!macOk || !keyOk) {
            throw tampered();
        }
        if (nowMillis > ByteBuffer.wrap(body, 33, 8).getLong()) {
            throw expired();
        }
        byte[] name = deviceName.getBytes(StandardCharsets.UTF_8);
        if (name.length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("a device name has at most " + MAX_NAME_BYTES + " bytes");
        }
        X25519KeyPair own = crypto.x25519().generateKeyPair();
        byte[] replyBody = ByteBuffer.allocate(1 + 32 + 1 + name.length).put(VERSION).put(own.publicKey())
                .put((byte) name.length).put(name).array();
        byte[] reply = concat(replyBody, kdf.hmac(macKey(secret), Kdf.concat(Label.LINK_REPLY, offerKey, replyBody)));
        return new Joined(reply, key(own.privateKey(), offerKey, secret, offerKey, own.publicKey()));
    }

    /** E checks N's reply; the device name it returns is what E's user confirms before provisioning. */
    public Linked accept(Offer offer, byte[] reply, long nowMillis) throws LinkRefusedException {
        if (reply.length < 1 + 32 + 1 + 32 || reply[0] != VERSION || reply.length != 1 + 32 + 1 + (reply[33] & 0xff) + 32
                || (reply[33] & 0xff) > MAX_NAME_BYTES) {
            throw new LinkRefusedException(LinkRefusedException.Reason.MALFORMED, "not a linking reply of this version");
        }
        byte[] offerKey = offer.ephemeral().publicKey();
        byte[] body = Arrays.copyOf(reply, reply.length - 32);
        byte[] mac = Arrays.copyOfRange(reply, reply.length - 32, reply.length);
        if (!ConstantTime.equals(mac, kdf.hmac(macKey(offer.secret()), Kdf.concat(Label.LINK_REPLY, offerKey, body)))) {
            throw tampered();
        }
        if (nowMillis > offer.expiresAtMillis()) {
            throw expired();
        }
        byte[] joinerKey = Arrays.copyOfRange(reply, 1, 33);
        String name = new String(reply, 34, reply[33] & 0xff, StandardCharsets.UTF_8);
        return new Linked(name, key(offer.ephemeral().privateKey(), joinerKey, offer.secret(), offerKey, joinerKey));
    }

    /** Seals the provisioning message (identity key pair, profile, contacts) under the exchange's key. */
    public byte[] seal(SecretBytes key, byte[] provisioning) {
        byte[] nonce = crypto.random().bytes(NONCE_BYTES);
        return concat(nonce, crypto.secretBox().seal(key, nonce, provisioning));
    }

    /** Opens a sealed provisioning message. */
    public byte[] open(SecretBytes key, byte[] sealed) throws LinkRefusedException {
        if (sealed.length < NONCE_BYTES + 16) {
            throw new LinkRefusedException(LinkRefusedException.Reason.MALFORMED, "not a provisioning message");
        }
        try {
            return crypto.secretBox().open(key, Arrays.copyOf(sealed, NONCE_BYTES),
                    Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length));
        } catch (AuthenticationFailedException e) {
            throw tampered();
        }
    }

    private SecretBytes key(SecretBytes ownPrivate, byte[] peerPublic, byte[] secret, byte[] offerKey, byte[] joinerKey)
            throws LinkRefusedException {
        try (SecretBytes shared = crypto.x25519().agree(ownPrivate, peerPublic)) {
            return SecretBytes.wrap(kdf.derive(secret, shared.bytes(), Label.LINK_KEY, concat(offerKey, joinerKey), 32));
        } catch (InvalidPublicKeyException e) {
            throw tampered();
        }
    }

    private byte[] macKey(byte[] secret) {
        return kdf.hkdfSha256(null, secret, Label.LINK_MAC_KEY.prefix(), 32);
    }

    private static LinkRefusedException tampered() {
        return new LinkRefusedException(LinkRefusedException.Reason.TAMPERED, "the linking code does not match, or the "
                + "exchange was tampered with (a key was replaced on the way): nothing was linked; start again");
    }

    private static LinkRefusedException expired() {
        return new LinkRefusedException(LinkRefusedException.Reason.EXPIRED,
                "the linking code expired (codes are good for 10 minutes): show a new one");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
