package dev.parley.relay.core;

import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimitExceededException;
import dev.parley.relay.limits.RateLimiter;

/**
 * Hands each request to its handler, split from {@link RelayService}: the requests allowed before sign-in
 * (register, authenticate, link_send) and, once signed in, the rest. Answers nothing itself; the caller sends the
 * response it returns, or the error it throws.
 */
final class RequestDispatch {
    private final AccountRequests accountRequests;
    private final SignIn signIn;
    private final RateLimiter limiter;
    private final LinkChannels links;
    private final MessageRequests messages;
    private final MultiSend multiSend;
    private final DeviceDirectory directory;
    private final DeviceRequests deviceRequests;
    private final AttachmentRequests attachments;

    RequestDispatch(AccountRequests accountRequests, SignIn signIn, RateLimiter limiter, LinkChannels links,
                    MessageRequests messages, MultiSend multiSend, DeviceDirectory directory,
                    DeviceRequests deviceRequests, AttachmentRequests attachments) {
        this.accountRequests = accountRequests;
        this.signIn = signIn;
        this.limiter = limiter;
        this.links = links;
        this.messages = messages;
        this.multiSend = multiSend;
        this.directory = directory;
        this.deviceRequests = deviceRequests;
        this.attachments = attachments;
    }

    /** @return the response, or null when the handler has already sent it (or will) */
    Response handle(ClientConnection connection, long id, Request request)
            throws RequestRejectedException, RateLimitExceededException {
        DeviceConnection device = connection.device();
        if (request instanceof Request.Register register) {
            return accountRequests.register(connection, register);
        }
        if (request instanceof Request.Authenticate authenticate) {
            requireNotSignedIn(device);
            signIn.authenticate(connection, id, authenticate, null);
            return null;
        }
        if (request instanceof Request.DeviceAuthenticate deviceAuthenticate) {
            requireNotSignedIn(device);
            signIn.authenticate(connection, id, null, deviceAuthenticate);
            return null;
        }
        if (request instanceof Request.LinkSend linkSend) {
            limiter.check(RateLimit.SEND_PER_ADDRESS, connection.sink().remoteAddress());
            return links.send(connection, linkSend);
        }
        if (device == null) {
            throw new RequestRejectedException(ErrorCode.NOT_AUTHENTICATED, "authenticate first");
        }
        return signedIn(connection, id, device, request);
    }

    private Response signedIn(ClientConnection connection, long id, DeviceConnection device, Request request)
            throws RequestRejectedException, RateLimitExceededException {
        if (request instanceof Request.LinkOpen linkOpen) {
            return links.open(connection, linkOpen);
        }
        if (request instanceof Request.Send send) {
            return messages.send(connection, id, send);
        }
        if (request instanceof Request.SendMulti multi) {
            multiSend.handle(connection, id, multi);
            return null;
        }
        if (request instanceof Request.Ack ack) {
            return messages.ack(connection, id, device, ack);
        }
        if (request instanceof Request.FetchBundle fetch) {
            if (!directory.ids(fetch.username()).contains(1)) {
                throw new RequestRejectedException(ErrorCode.UNKNOWN_DEVICE, "device 1 of this account was unlinked");
            }
            return accountRequests.fetchBundle(connection, device, fetch);
        }
        if (DeviceRequests.handles(request)) {
            return deviceRequests.handle(connection, id, request);
        }
        if (request instanceof Request.UploadPreKeys upload) {
            return accountRequests.upload(device, upload);
        }
        if (request instanceof Request.ReplacePreKeys replace) {
            return accountRequests.replace(device, replace);
        }
        if (request instanceof Request.SendEphemeral ephemeral) {
            return messages.sendEphemeral(connection, ephemeral);
        }
        if (request instanceof Request.DeviceSendEphemeral ephemeral) {
            return messages.deviceSendEphemeral(connection, ephemeral);
        }
        if (AttachmentRequests.handles(request)) {
            return attachments.handle(device.account(), request);
        }
        if (request instanceof Request.Lookup lookup) {
            return accountRequests.lookup(device, lookup);
        }
        throw new RequestRejectedException(ErrorCode.UNKNOWN_TYPE, "unsupported request");
    }

    private static void requireNotSignedIn(DeviceConnection device) throws RequestRejectedException {
        if (device != null) {
            throw new RequestRejectedException(ErrorCode.ALREADY_AUTHENTICATED, "this connection is already authenticated");
        }
    }
}
