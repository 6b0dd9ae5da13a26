package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.service.messaging.SenderVerifier;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides, for one batch, which payloads from people who are neither contacts nor pending requests (strangers, and
 * contacts the user removed) are received (issue #14, docs/protocol.md 1.12). Only a kind a person would read
 * ({@link FromStranger#OPENS_REQUEST}) makes the sender a message request; after it, the rest of the sender's batch is
 * received as from a request. A kind {@link FromStranger#APPLIED_WITHOUT_CONTACT} (a group member's sender key) goes
 * to its handler without making the sender anything. Every other kind creates nothing: the identity key the session learnt is forgotten, so
 * no contact row is added, while the session step is kept so that later messages still decrypt.
 */
final class Strangers {
    private final PayloadHandlers handlers;
    private final ProtocolUnitOfWork work;
    private final Set<String> requestsOpened = new HashSet<>();

    Strangers(PayloadHandlers handlers, ProtocolUnitOfWork work) {
        this.handlers = handlers;
        this.work = work;
    }

    /**
     * @param decision what the verifier decided for the envelope ({@link SenderVerifier.Decision#REQUEST}: no contact
     *                 row for the sender)
     * @return whether the payload goes on to its handler; false: acknowledge it and keep nothing
     */
    boolean admit(SenderVerifier.Decision decision, String sender, Payload payload) {
        if (decision != SenderVerifier.Decision.REQUEST || requestsOpened.contains(sender)) {
            return true;
        }
        switch (handlers.fromStranger(payload)) {
            case OPENS_REQUEST -> {
                requestsOpened.add(sender);
                return true;
            }
            case APPLIED_WITHOUT_CONTACT -> {
                work.forgetIdentity(sender);
                return true;
            }
            default -> {
                work.forgetIdentity(sender);
                return false;
            }
        }
    }
}
