package dev.parley.crypto.ratchet;

/** The result of one root-chain step: the next root key and the first key of a new sending or receiving chain. */
public record RatchetStep(RootKey rootKey, ChainKey chainKey) {
}
