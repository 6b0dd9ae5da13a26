package dev.parley.crypto.wire;

/**
 * Bytes that could not be decoded into an {@link Envelope}. Carries the stable {@link ErrorCode} to answer with and,
 * when the envelope header was readable, the request id to answer to (otherwise 0). Messages never contain the
 * frame's content.
 */
public final class FrameDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final long requestId;

    public FrameDecodeException(ErrorCode code, long requestId, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
        this.requestId = requestId;
    }

    public ErrorCode code() {
        return code;
    }

    /** The request id from the envelope header, or 0 when it could not be read. */
    public long requestId() {
        return requestId;
    }
}
