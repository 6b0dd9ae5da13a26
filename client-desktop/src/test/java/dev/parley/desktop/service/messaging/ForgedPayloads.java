package dev.parley.desktop.service.messaging;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.MessagingService;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.Contact;

/**
 * For tests of what a receiver accepts: sends any payload from a real profile, over its real sessions and relay, as a
 * modified client could (a contact sending what only one's own devices may send, issue #17).
 */
public final class ForgedPayloads {
    private ForgedPayloads() {
    }

    /** Queues {@code payload} for {@code to}'s devices from the profile of {@code messaging}. */
    public static void send(MessagingService messaging, Contact to, Payload payload) throws ServiceException {
        Outbound outbound = ((DefaultMessagingService) messaging).outbound();
        outbound.stored(to, payload, outbound.newOutboxId(), txn -> null);
    }

    /** Queues {@code payload} for the other devices of the account of {@code messaging}'s profile. */
    public static void toOwnDevices(MessagingService messaging, Payload payload) throws ServiceException {
        ((DefaultMessagingService) messaging).outbound().toOwnDevices(payload);
    }
}
