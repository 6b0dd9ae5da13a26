package dev.parley.desktop.service.connection;

import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.net.RelayConnector;
import dev.parley.desktop.net.RelayLink;
import dev.parley.desktop.net.RelayLinkListener;
import dev.parley.desktop.service.ServiceException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request on a link of its own that never logs in (registration): connect, answer the relay's first challenge
 * with the request {@link RelayGateway.ChallengeAnswer} builds, return the answer, close.
 */
final class UnauthenticatedCall {
    private static final Logger LOG = LoggerFactory.getLogger(UnauthenticatedCall.class);

    private UnauthenticatedCall() {
    }

    static Response call(RelayConnector connector, dev.parley.desktop.net.RelayAddress relay,
                         RelayGateway.ChallengeAnswer answer) throws ServiceException {
        java.util.concurrent.CompletableFuture<Push.Challenge> challenge = new java.util.concurrent.CompletableFuture<>();
        RelayLinkListener ignoring = new RelayLinkListener() {
            @Override
            public void onPush(Push push) {
                if (push instanceof Push.Challenge first) {
                    challenge.complete(first);
                    return;
                }
                LOG.trace("ignoring {} on a registration link", push.getClass().getSimpleName());
            }

            @Override
            public void onClosed(String reason) {
                LOG.debug("registration link closed");
                challenge.completeExceptionally(new dev.parley.desktop.net.RelayLinkClosedException(reason));
            }
        };
        try (RelayLink link = connector.connect(relay, ignoring)) {
            Request request;
            try {
                request = answer.answer(challenge.get(link.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() != null && RelayLink.VERSION_MISMATCH.equals(e.getCause().getMessage())) {
                    throw new dev.parley.desktop.service.RelayRejectedException(RelayLink.VERSION_MISMATCH);
                }
                throw e;
            }
            return RelayErrors.successful(link.request(request).get(link.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS));
        } catch (IOException e) {
            throw new dev.parley.desktop.service.RelayUnreachableException("cannot reach the relay: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.parley.desktop.service.RelayUnreachableException("interrupted while waiting for the relay", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new dev.parley.desktop.service.RelayUnreachableException("relay unreachable: it did not answer", e);
        }
    }
}
