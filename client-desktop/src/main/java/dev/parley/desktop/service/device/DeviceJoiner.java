package dev.parley.desktop.service.device;

import dev.parley.crypto.link.DeviceLinking;
import dev.parley.crypto.link.LinkCode;
import dev.parley.crypto.link.LinkRefusedException;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.RelayRejectedException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.connection.JoiningLink;
import java.time.Clock;
import java.time.Duration;

/**
 * Issue #17, the new device's side of linking (docs/protocol.md 1.18): with the code the existing device shows, it
 * joins the relay's linking channel on a link that never logs in, checks the existing device's MACed offer, answers
 * with its name, and receives the sealed account ({@link #begin}); once the profile holds the account and this
 * device's first keys, it sends its enrolment and receives its device id ({@link #finish}). A wrong or expired code,
 * or a relay that substituted a key, stops it with the message of {@link LinkRefusedException}.
 */
public final class DeviceJoiner {
    private static final byte[] HELLO = {0};

    private final DeviceLinking linking;
    private final Clock clock;

    public DeviceJoiner(CryptoProvider crypto, Clock clock) {
        this.linking = new DeviceLinking(crypto);
        this.clock = clock;
    }

    /** A join after provisioning, waiting for the profile to be created. */
    public static final class Pending implements AutoCloseable {
        private final JoiningLink link;
        private final byte[] channel;
        private final SecretBytes key;
        private final LinkMessages.Provisioning provisioning;

        private Pending(JoiningLink link, byte[] channel, SecretBytes key, LinkMessages.Provisioning provisioning) {
            this.link = link;
            this.channel = channel;
            this.key = key;
            this.provisioning = provisioning;
        }

        /** The account's username. */
        public String username() {
            return provisioning.username();
        }

        /** The account's identity key pair (IdentityKeyPair.serialize); the caller wipes the copy. */
        public byte[] identity() {
            return provisioning.identity().clone();
        }

        /** The challenge this link saw (the relay this device pins). */
        public dev.parley.crypto.wire.Push.Challenge challenge() {
            return link.challenge();
        }

        @Override
        public void close() {
            key.close();
            link.close();
        }
    }

    /**
     * Joins the channel of {@code code} on {@code relay} and receives the account.
     *
     * @throws InvalidInputException  for a code that does not parse, or one the exchange refused (wrong, expired, or
     *                                tampered with by the relay)
     * @throws RelayRejectedException if the existing device uses another relay than {@code relay}
     */
    public Pending begin(JoiningLink link, String code, String deviceName, Duration timeout) throws ServiceException {
        LinkCode parsed;
        try {
            parsed = LinkCode.parse(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("not a linking code: type the 16 characters or paste the parley://link/ link");
        }
        byte[] channel = linking.channel(parsed.secret());
        DeviceLinking.Joined joined;
        try {
            link.send(channel, HELLO);
            joined = linking.join(parsed, link.receive(timeout), deviceName, clock.millis());
        } catch (LinkRefusedException e) {
            throw new InvalidInputException(e.getMessage());
        } catch (dev.parley.desktop.service.RelayRejectedException e) {
            throw new InvalidInputException("the linking code is wrong or expired (the relay knows no such channel)");
        }
        link.send(channel, joined.reply());
        LinkMessages.Provisioning provisioning;
        try {
            provisioning = LinkMessages.provisioning(linking.open(joined.key(), link.receive(timeout)));
        } catch (LinkRefusedException e) {
            joined.key().close();
            throw new InvalidInputException(e.getMessage());
        } catch (LinkMessages.MalformedLinkMessageException e) {
            joined.key().close();
            throw new InvalidInputException("the other device sent an account this version cannot read");
        }
        if (!java.util.Arrays.equals(provisioning.relayId(), link.challenge().relayId())
                || !java.util.Arrays.equals(provisioning.relaySigningKey(), link.challenge().signingKey())) {
            joined.key().close();
            throw new RelayRejectedException("this relay is not the one the other device uses; give its address");
        }
        return new Pending(link, channel, joined.key(), provisioning);
    }

    /**
     * Sends this device's enrolment and waits for the existing device to register it.
     *
     * @return this device's id and the account's devices
     */
    LinkMessages.Registered finish(Pending pending, LinkMessages.Enrolment enrolment, Duration timeout)
            throws ServiceException {
        pending.link.send(pending.channel, linking.seal(pending.key, LinkMessages.encode(enrolment)));
        try {
            return LinkMessages.registered(linking.open(pending.key, pending.link.receive(timeout)));
        } catch (LinkRefusedException e) {
            throw new InvalidInputException(e.getMessage());
        } catch (LinkMessages.MalformedLinkMessageException e) {
            throw new InvalidInputException("the other device's answer is not readable by this version");
        }
    }
}
