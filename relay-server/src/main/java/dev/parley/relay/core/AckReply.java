package dev.parley.relay.core;

/** Answers one {@code ack} request exactly once. */
interface AckReply {
    void ok();

    void unknown();

    void failed(Throwable error);
}
