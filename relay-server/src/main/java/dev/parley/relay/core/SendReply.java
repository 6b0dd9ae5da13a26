package dev.parley.relay.core;

/** Answers one {@code send} request exactly once: accepted, refused because the queue is full, or failed. */
interface SendReply {
    void accepted(boolean duplicate);

    void queueFull();

    void failed(Throwable error);
}
