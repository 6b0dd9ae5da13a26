package dev.parley.relay.core;

import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Response;

/**
 * How a handler answers a request after it returned (an answer that waits for a store or an acknowledgement):
 * a response, or an error that also costs the connection a strike.
 */
interface RequestAnswers {
    void send(ClientConnection connection, long requestId, Response response);

    void reject(ClientConnection connection, long requestId, RequestRejectedException error);

    /**
     * An error that is no fault of the client, answered without a strike: an {@code ack} of a blob that is gone
     * already (a repeat after a reconnect, or a blob pushed twice under its two ids on a cluster node).
     */
    void refuseWithoutStrike(ClientConnection connection, long requestId, RequestRejectedException error);

    /** A store failure: logged, answered {@code INTERNAL_ERROR} (the request may be retried). */
    default void failed(ClientConnection connection, long requestId, Throwable error) {
        org.slf4j.LoggerFactory.getLogger(RequestAnswers.class).error("Store failure while handling a frame", error);
        reject(connection, requestId, new RequestRejectedException(ErrorCode.INTERNAL_ERROR,
                "the relay could not store or load data"));
    }

    /** Answers one {@code send} request on its connection. */
    static SendReply sendReply(RequestAnswers answers, ClientConnection connection, long id) {
        return new SendReply() {
            @Override
            public void accepted(boolean duplicate) {
                // On a lean connection it may wait a little to leave with other answers.
                connection.sink().sendUnhurried(Envelope.of(id, new Response.SendAccepted(duplicate)));
            }

            @Override
            public void queueFull() {
                answers.reject(connection, id, new RequestRejectedException(ErrorCode.QUEUE_FULL,
                        "the recipient's queue is full; retry when they have caught up", 60_000));
            }

            @Override
            public void failed(Throwable error) {
                answers.failed(connection, id, error);
            }
        };
    }

    /**
     * Answers one {@code ack} request on its connection; on a lean connection only a failure is answered (the blob is
     * gone either way when it succeeds or names a blob that is not queued).
     */
    static AckReply ackReply(RequestAnswers answers, ClientConnection connection, long id) {
        boolean quiet = connection.sink().lean();
        return new AckReply() {
            @Override
            public void ok() {
                if (!quiet) {
                    answers.send(connection, id, new Response.Ok());
                }
            }

            @Override
            public void unknown() {
                if (!quiet) {
                    answers.refuseWithoutStrike(connection, id, new RequestRejectedException(ErrorCode.UNKNOWN_MESSAGE,
                            "no such message is queued for you"));
                }
            }

            @Override
            public void failed(Throwable error) {
                answers.failed(connection, id, error);
            }
        };
    }
}
