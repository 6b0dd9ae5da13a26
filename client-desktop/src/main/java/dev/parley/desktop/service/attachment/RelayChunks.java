package dev.parley.desktop.service.attachment;

import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.RelayRejectedException;
import dev.parley.desktop.service.RelayUnreachableException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.TransferFailure;
import dev.parley.desktop.service.AttachmentService.TransferProgress;
import dev.parley.desktop.service.connection.RelayGateway;
import java.time.Duration;

/**
 * Attachment requests to the relay with the waiting a transfer needs: a rate limit is waited out (as the relay says),
 * a lost connection is retried a few times (the gateway reconnects), and every other error becomes a clear
 * {@link ServiceException}.
 */
final class RelayChunks {
    static final int MAX_RECONNECTS = 8;
    private static final Duration MAX_RATE_WAIT = Duration.ofSeconds(5);
    private final RelayGateway gateway;
    private int reconnects;

    RelayChunks(RelayGateway gateway) {
        this.gateway = gateway;
    }

    /** The response, or the error response when its code is one the caller handles; throws for the others. */
    Response exchange(Request request, ErrorCode... handled) throws ServiceException {
        while (true) {
            Response response;
            try {
                response = gateway.exchange(request);
            } catch (RelayUnreachableException e) {
                if (++reconnects > MAX_RECONNECTS) {
                    throw e;
                }
                continue;
            }
            if (!(response instanceof Response.ErrorResponse error)) {
                return response;
            }
            if (error.code() == ErrorCode.RATE_LIMITED) {
                sleep(Math.min(Math.max(error.retryAfterMillis(), 10), MAX_RATE_WAIT.toMillis()));
                continue;
            }
            for (ErrorCode code : handled) {
                if (code == error.code()) {
                    return error;
                }
            }
            throw failure(error);
        }
    }

    /** Stops a transfer the user cancelled (before its next chunk). */
    static void checkCancelled(TransferProgress progress) throws ServiceException {
        if (progress.cancelled()) {
            throw new InvalidInputException("the transfer was cancelled", new TransferFailure(TransferFailure.Reason.CANCELLED));
        }
    }

    static ServiceException failure(Response.ErrorResponse error) {
        switch (error.code()) {
            case ATTACHMENT_TOO_LARGE:
                return new InvalidInputException("the file is larger than this relay accepts: " + error.reason(),
                        new TransferFailure(TransferFailure.Reason.TOO_LARGE));
            case QUOTA_EXCEEDED:
                return new RelayRejectedException("your files on the relay are over its quota: " + error.reason(),
                        new TransferFailure(TransferFailure.Reason.QUOTA_EXCEEDED));
            case STORAGE_FULL:
                return new RelayRejectedException("the relay has no room for this file now; try again later",
                        new TransferFailure(TransferFailure.Reason.RELAY_FULL));
            case UNKNOWN_ATTACHMENT:
                return new RelayRejectedException("the file is no longer available on the relay",
                        new TransferFailure(TransferFailure.Reason.GONE));
            case UNKNOWN_USER:
                return new RelayRejectedException("the recipient is not registered on this relay");
            case UNKNOWN_TYPE:
                return new RelayRejectedException("this relay is too old for files in groups; its operator must update it");
            default:
                return new RelayRejectedException("the relay refused the transfer: " + error.code());
        }
    }

    /** Waits as the relay asked (at least 10 ms, at most {@code MAX_RATE_WAIT}). */
    static void pause(long retryAfterMillis) throws RelayUnreachableException {
        sleep(Math.min(Math.max(retryAfterMillis, 10), MAX_RATE_WAIT.toMillis()));
    }

    private static void sleep(long millis) throws RelayUnreachableException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayUnreachableException("interrupted while waiting for the relay", e);
        }
    }
}
