/**
 * The 1:1 session protocol: X3DH ({@link dev.parley.crypto.session.SessionBuilder}), the Double Ratchet
 * ({@link dev.parley.crypto.session.SessionCipher}), message formats (version byte first) and session records.
 * The normative description is part 1 of {@code docs/protocol.md}.
 *
 * <pre>{@code
 * ProtocolContext context = ProtocolContext.of(CryptoProviders.preferred());
 * ProtocolStores stores = new ProtocolStores(sessions, identities, preKeys, signedPreKeys);
 *
 * // Alice, with Bob's bundle from the relay:
 * new SessionBuilder(stores, context, bob).initiate(bundle);
 * CiphertextMessage message = new SessionCipher(stores, context, bob).encrypt(new Payload.Text(id, now, "hi"));
 * byte[] sealed = new SealedSender(context.crypto()).seal(bobIdentityKey, myIdentity, me, message);
 * // send (to = bob, sealed) to the relay
 *
 * // Bob, on receiving sealed bytes:
 * OpenedEnvelope opened = new SealedSender(context.crypto()).open(myIdentity, sealed);
 * Payload payload = new SessionCipher(stores, context, opened.senderUsername())
 *         .decrypt(opened.senderIdentity(), opened.message(), p -> history.save(p));   // persisted before commit
 * }</pre>
 */
package dev.parley.crypto.session;
