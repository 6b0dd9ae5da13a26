package dev.parley.desktop.service.connection;

import dev.parley.crypto.wire.Push;
import dev.parley.desktop.service.RelayUnreachableException;
import dev.parley.desktop.service.ServiceException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Issue #17: what the relay pushes on the authenticated connection about the linking channel this device opened: the
 * new device's messages ({@code link_message}), in order, and whether that device left ({@code device_link_left}).
 */
final class LinkInbox {
    private final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
    /** Channels (hex) whose new device left. */
    private final Set<String> left = ConcurrentHashMap.newKeySet();

    /** Takes a linking push; any other push is not this inbox's. */
    void received(Push push) {
        if (push instanceof Push.LinkMessage message) {
            messages.add(message.blob());
        } else if (push instanceof Push.LinkLeft gone) {
            left.add(HexFormat.of().formatHex(gone.channel()));
        }
    }

    Optional<byte[]> next(Duration timeout) throws ServiceException {
        try {
            return Optional.ofNullable(messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayUnreachableException("interrupted while waiting for the relay", e);
        }
    }

    boolean peerLeft(byte[] channel) {
        return left.contains(HexFormat.of().formatHex(channel));
    }
}
