package dev.parley.relay.core;

import dev.parley.crypto.primitives.ConstantTime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tickets for the bulk path (docs/protocol.md, "Bulk transfers"): what the relay hands an authenticated WebSocket
 * connection so that one HTTP request on the same listener may move one attachment's body. A ticket is stateless and
 * MACed: {@code 0x01 || kind (u8) || expiresAtMillis (i64) || attachment id (16) || read token (32, zeros for an
 * upload) || u8 length || username (UTF-8) || HMAC-SHA256(key, everything before)}. Any node holding the same key
 * accepts it. It names the account it was issued to, so the HTTP request is checked exactly as the WebSocket
 * request would be (the uploader; a reader or the read token).
 */
final class BulkTickets {
    /** How long a ticket may be presented after it was issued (it is checked when a request starts). */
    static final Duration TTL = Duration.ofMinutes(5);
    private static final int VERSION = 1;
    private static final int MAC_BYTES = 32;
    private static final int ID_BYTES = 16;
    private static final int TOKEN_BYTES = 32;

    enum Kind {
        UPLOAD, DOWNLOAD
    }

    /**
     * What a valid ticket allows.
     *
     * @param token the read token presented when the ticket was asked for (download), or empty (upload)
     */
    record Grant(Kind kind, String username, byte[] attachmentId, Optional<byte[]> token) {
    }

    private final SecretKeySpec key;
    private final Clock clock;

    BulkTickets(byte[] key, Clock clock) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the bulk ticket key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.clock = Objects.requireNonNull(clock);
    }

    /** A ticket for {@code grant}, valid for {@link #TTL}. */
    byte[] issue(Grant grant, Instant expiresAt) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            byte[] user = grant.username().getBytes(StandardCharsets.UTF_8);
            out.writeByte(VERSION);
            out.writeByte(grant.kind().ordinal());
            out.writeLong(expiresAt.toEpochMilli());
            out.write(grant.attachmentId());
            out.write(grant.token().orElse(new byte[TOKEN_BYTES]));
            out.writeByte(user.length);
            out.write(user);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        byte[] body = bytes.toByteArray();
        byte[] ticket = Arrays.copyOf(body, body.length + MAC_BYTES);
        System.arraycopy(mac(body), 0, ticket, body.length, MAC_BYTES);
        return ticket;
    }

    Instant expiry() {
        return clock.instant().plus(TTL);
    }

    /**
     * The grant of a ticket for {@code kind} on {@code attachmentId}, or empty when it is not one this relay issued,
     * was altered, has expired, or is for another attachment or direction (all the same to the caller).
     */
    Optional<Grant> verify(byte[] ticket, Kind kind, byte[] attachmentId) {
        if (ticket == null || ticket.length <= MAC_BYTES) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOf(ticket, ticket.length - MAC_BYTES);
        if (!ConstantTime.equals(mac(body), Arrays.copyOfRange(ticket, body.length, ticket.length))) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            int version = in.readUnsignedByte();
            int kindCode = in.readUnsignedByte();
            long expires = in.readLong();
            byte[] id = in.readNBytes(ID_BYTES);
            byte[] token = in.readNBytes(TOKEN_BYTES);
            byte[] user = in.readNBytes(in.readUnsignedByte());
            if (version != VERSION || kindCode != kind.ordinal() || in.read() != -1 || expires <= clock.millis()
                    || !Arrays.equals(id, attachmentId)) {
                return Optional.empty();
            }
            return Optional.of(new Grant(kind, new String(user, StandardCharsets.UTF_8), id,
                    kind == Kind.DOWNLOAD ? Optional.of(token) : Optional.empty()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is required by every Java platform", e);
        }
    }
}
