package dev.parley.relay.core;

import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The relay's part in linking a device (docs/protocol.md, "Linked devices"): an existing device opens a channel and a
 * new device, which has no account yet, talks to it through the relay. The relay only forwards opaque, MACed messages
 * (part 1, 1.18), keeps nothing on disk, and forgets a channel after {@link #LIFETIME}, when its opener's connection
 * closes, or when the opener opens another; when the new device's connection closes, the opener is told. Channels
 * live on the node the opener is connected to.
 */
final class LinkChannels {
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final Clock clock;
    private final Map<String, Channel> channels = new HashMap<>();

    private static final class Channel {
        final ClientConnection opener;
        final long expiresAtMillis;
        ClientConnection joiner;

        Channel(ClientConnection opener, long expiresAtMillis) {
            this.opener = opener;
            this.expiresAtMillis = expiresAtMillis;
        }
    }

    LinkChannels(Clock clock) {
        this.clock = clock;
    }

    /** An authenticated connection opens a channel (one at a time: an earlier one of it is closed). */
    synchronized Response open(ClientConnection connection, Request.LinkOpen open) throws RequestRejectedException {
        String id = HexFormat.of().formatHex(open.channel());
        Channel existing = channels.get(id);
        if (existing != null && existing.opener != connection && clock.millis() <= existing.expiresAtMillis) {
            // 128 random bits: a collision is someone replaying another's channel id
            throw new RequestRejectedException(ErrorCode.INVALID_FIELD, "that channel is in use");
        }
        channels.values().removeIf(c -> c.opener == connection);
        channels.put(id, new Channel(connection, clock.millis() + LIFETIME.toMillis()));
        return new Response.Ok();
    }

    /** Forwards a message to the channel's other side; the first sender other than the opener becomes its joiner. */
    Response send(ClientConnection connection, Request.LinkSend send) throws RequestRejectedException {
        ClientConnection to;
        synchronized (this) {
            String id = HexFormat.of().formatHex(send.channel());
            Channel channel = channels.get(id);
            if (channel != null && clock.millis() > channel.expiresAtMillis) {
                channels.remove(id);
                channel = null;
            }
            if (channel == null) {
                throw unknown();
            }
            if (connection == channel.opener) {
                to = channel.joiner;
            } else {
                if (channel.joiner == null) {
                    channel.joiner = connection;
                }
                if (channel.joiner != connection) {
                    throw unknown();
                }
                to = channel.opener;
            }
            if (to == null) {
                throw new RequestRejectedException(ErrorCode.UNKNOWN_CHANNEL, "no new device has joined this channel yet");
            }
        }
        to.sink().send(Envelope.push(new Push.LinkMessage(send.channel(), send.blob())));
        return new Response.Ok();
    }

    /**
     * A connection closed: the channels it opened are gone, and it leaves those it joined; each of their openers is
     * told ({@code device_link_left}), so a device waiting for it (for its answer, or for its user's confirmation)
     * stops at once instead of at its timeout.
     */
    void closed(ClientConnection connection) {
        Map<String, ClientConnection> left = new HashMap<>();
        synchronized (this) {
            channels.values().removeIf(c -> c.opener == connection);
            for (Map.Entry<String, Channel> e : channels.entrySet()) {
                if (e.getValue().joiner == connection) {
                    e.getValue().joiner = null;
                    left.put(e.getKey(), e.getValue().opener);
                }
            }
        }
        left.forEach((id, opener) ->
                opener.sink().send(Envelope.push(new Push.LinkLeft(HexFormat.of().parseHex(id)))));
    }

    private static RequestRejectedException unknown() {
        return new RequestRejectedException(ErrorCode.UNKNOWN_CHANNEL,
                "no device is waiting on this linking code: it is wrong, expired, or already in use");
    }
}
