package dev.parley.relay.core;

import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimitExceededException;
import dev.parley.relay.limits.RateLimiter;
import dev.parley.relay.store.BlobStore;
import java.time.Clock;
import java.util.function.Predicate;

/**
 * The 1:1 message requests, split from {@link RelayService}: {@code send} and {@code send_ephemeral} (to an account
 * whose only device is device 1; otherwise answered with its device list, see {@link DeviceRequests}) and {@code ack}.
 */
final class MessageRequests {
    private final BlobStore blobs;
    private final RateLimiter limiter;
    private final ConnectionRegistry registry;
    private final DirectDelivery direct;
    private final SendRouting routing;
    private final RemoteRouting remote;
    private final DeviceRequests deviceRequests;
    private final RelayMetrics metrics;
    private final Clock clock;
    private final RequestAnswers answers;
    private final Predicate<String> userExists;

    MessageRequests(BlobStore blobs, RateLimiter limiter, ConnectionRegistry registry, DirectDelivery direct,
                    SendRouting routing, RemoteRouting remote, DeviceRequests deviceRequests, RelayMetrics metrics,
                    Clock clock, RequestAnswers answers, Predicate<String> userExists) {
        this.blobs = blobs;
        this.limiter = limiter;
        this.registry = registry;
        this.direct = direct;
        this.routing = routing;
        this.remote = remote;
        this.deviceRequests = deviceRequests;
        this.metrics = metrics;
        this.clock = clock;
        this.answers = answers;
        this.userExists = userExists;
    }

    /** Routes the blob ({@link SendRouting}); the answer follows once it is acknowledged or durable; returns null. */
    Response send(ClientConnection connection, long id, Request.Send send)
            throws RequestRejectedException, RateLimitExceededException {
        connection.buckets().check(RateLimit.SEND_PER_CONNECTION);
        limiter.check(RateLimit.SEND_PER_ADDRESS, connection.sink().remoteAddress());
        requireUser(send.to());
        Response stale = deviceRequests.staleForPlain(send.to());
        if (stale != null) {
            return stale;
        }
        routing.route(connection.device().account(), send.to(), send.clientMessageId(), send.blob(), clock.instant(),
                RequestAnswers.sendReply(answers, connection, id));
        return null;
    }

    /** Deletes asynchronously and answers once the deletion is durable (or at once for a direct id); returns null. */
    Response ack(ClientConnection connection, long id, DeviceConnection device, Request.Ack ack) {
        AckReply reply = RequestAnswers.ackReply(answers, connection, id);
        if (direct.acknowledge(device, ack.messageId(), reply)) {
            return null;
        }
        blobs.deleteAsync(device.username(), ack.messageId()).whenComplete((found, error) -> {
            if (error != null) {
                reply.failed(error);
            } else if (!found) {
                reply.unknown();
            } else {
                device.acknowledged(ack.messageId());
                metrics.acknowledged();
                reply.ok();
            }
        });
        return null;
    }

    Response sendEphemeral(ClientConnection connection, Request.SendEphemeral ephemeral)
            throws RequestRejectedException, RateLimitExceededException {
        connection.buckets().check(RateLimit.SEND_PER_CONNECTION);
        limiter.check(RateLimit.SEND_PER_ADDRESS, connection.sink().remoteAddress());
        requireUser(ephemeral.to());
        Response stale = deviceRequests.staleForPlain(ephemeral.to());
        if (stale != null) {
            return stale;
        }
        ClientConnection recipient = registry.find(ephemeral.to());
        if (recipient != null && recipient.device() != null) {
            recipient.sink().send(Envelope.push(new Push.Ephemeral(ephemeral.blob())));
            metrics.ephemeral();
        } else if (recipient == null) {
            remote.forwardEphemeral(ephemeral.to(), ephemeral.blob());
        }
        // On a lean connection a send_ephemeral that went through is not answered (docs/protocol.md, "Lean answers"):
        // presence to 500 contacts is 500 of them, and nobody waits for their ok.
        return connection.sink().lean() ? null : new Response.Ok();
    }

    /**
     * Issue #17: an ephemeral blob per current device of {@code to} (less the sender's own), each pushed to its device
     * if connected (here or, through the cluster bus, on another node) and dropped otherwise; nothing is stored. A
     * list other than the current one is answered with it ({@code device_list_stale}) and nothing is pushed.
     */
    Response deviceSendEphemeral(ClientConnection connection, Request.DeviceSendEphemeral ephemeral)
            throws RequestRejectedException, RateLimitExceededException {
        connection.buckets().check(RateLimit.SEND_PER_CONNECTION);
        limiter.check(RateLimit.SEND_PER_ADDRESS, connection.sink().remoteAddress());
        requireUser(ephemeral.to());
        Response stale = deviceRequests.staleFor(connection.device(), ephemeral.to(), ephemeral.copies());
        if (stale != null) {
            return stale;
        }
        for (Request.DeviceCopy copy : ephemeral.copies()) {
            String address = DeviceAddress.of(ephemeral.to(), copy.deviceId());
            ClientConnection recipient = registry.find(address);
            if (recipient != null && recipient.device() != null) {
                recipient.sink().send(Envelope.push(new Push.Ephemeral(copy.blob())));
                metrics.ephemeral();
            } else if (recipient == null) {
                remote.forwardEphemeral(address, copy.blob());
            }
        }
        return new Response.Ok();
    }

    private void requireUser(String username) throws RequestRejectedException {
        if (!userExists.test(username)) {
            throw new RequestRejectedException(ErrorCode.UNKNOWN_USER, "no such user");
        }
    }
}
