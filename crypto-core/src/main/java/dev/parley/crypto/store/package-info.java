/**
 * Persistence ports of the session protocol, with contract Javadoc; in-memory implementations are in
 * {@code store.inmemory}. Each port has an abstract contract test in crypto-core's test-jar (package
 * {@code dev.parley.crypto.store}, e.g. {@code SessionStoreContractTest}) that every implementation subclasses.
 * Store methods report I/O failures as unchecked exceptions; the protocol calls them only after an operation
 * succeeded, so such a failure loses no message (the ciphertext can be decrypted again).
 */
package dev.parley.crypto.store;
