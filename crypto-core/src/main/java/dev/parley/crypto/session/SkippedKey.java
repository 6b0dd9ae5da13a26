package dev.parley.crypto.session;

/** A stored skipped message key and when it was stored (epoch milliseconds of the injected clock). */
record SkippedKey(byte[] messageKey, long storedAtMillis) {
}
