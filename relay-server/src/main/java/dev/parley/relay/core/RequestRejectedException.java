package dev.parley.relay.core;

import dev.parley.crypto.wire.ErrorCode;

/** A request the relay refuses: answered with an error frame carrying this code. Stackless. */
final class RequestRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final long retryAfterMillis;

    RequestRejectedException(ErrorCode code, String reason) {
        this(code, reason, 0);
    }

    RequestRejectedException(ErrorCode code, String reason, long retryAfterMillis) {
        super(reason, null, false, false);
        this.code = code;
        this.retryAfterMillis = retryAfterMillis;
    }

    ErrorCode code() {
        return code;
    }

    long retryAfterMillis() {
        return retryAfterMillis;
    }
}
