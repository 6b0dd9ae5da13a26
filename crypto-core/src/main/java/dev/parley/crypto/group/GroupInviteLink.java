package dev.parley.crypto.group;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.kdf.Kdf;
import dev.parley.crypto.kdf.Label;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.wire.Usernames;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A group's invite link (docs/protocol.md 1.15.5): {@code parley://join/} followed by the unpadded base64url of
 * <pre>
 * 0x01 || group id (16) || invite secret (16) || u8 l || admin username (l) || u8 t || title (t, UTF-8, 1..128)
 * 0x02 || group id (16) || invite secret (16) || u8 n (2..3) || n * (u8 l || admin username (l)) || u8 t || title
 * </pre>
 * Version 1 names one admin, version 2 two or three (so each link has one encoding). The admins are whom the join
 * request goes to: the one who made the link first, then the group's other admins in member order, so a request is
 * still answered when one of them is no longer an admin. Whoever holds the link can ask to join; the secret itself
 * never travels in a join request, only {@link #proof}, an HMAC under it bound to the group and the joiner's username.
 */
public record GroupInviteLink(GroupId group, byte[] secret, List<String> admins, String title) {
    public static final String PREFIX = "parley://join/";
    public static final byte VERSION = 0x01;
    /** The version of a link that names more than one admin. */
    public static final byte VERSION_ADMINS = 0x02;
    /** The most admins a link names. */
    public static final int MAX_ADMINS = 3;
    public static final int PROOF_BYTES = 32;

    public GroupInviteLink {
        Objects.requireNonNull(group, "group");
        if (secret == null || secret.length != GroupState.INVITE_SECRET_BYTES) {
            throw new IllegalArgumentException("invite link: 16-byte secret expected");
        }
        secret = secret.clone();
        admins = List.copyOf(admins);
        if (admins.isEmpty() || admins.size() > MAX_ADMINS || new java.util.HashSet<>(admins).size() != admins.size()
                || !admins.stream().allMatch(Usernames::isValid)) {
            throw new IllegalArgumentException("invite link: 1 to 3 distinct valid admin usernames expected");
        }
        int titleBytes = title == null ? 0 : title.getBytes(StandardCharsets.UTF_8).length;
        if (titleBytes < 1 || titleBytes > GroupState.MAX_TITLE_BYTES) {
            throw new IllegalArgumentException("invite link: title of 1 to 128 bytes expected");
        }
    }

    /** A link naming one admin. */
    public GroupInviteLink(GroupId group, byte[] secret, String admin, String title) {
        this(group, secret, List.of(Objects.requireNonNull(admin, "admin")), title);
    }

    /** The admin who made the link (the first named). */
    public String admin() {
        return admins.get(0);
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /** The link as text. */
    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(admins.size() == 1 ? VERSION : VERSION_ADMINS);
        out.writeBytes(group.bytes());
        out.writeBytes(secret);
        if (admins.size() > 1) {
            out.write(admins.size());
        }
        for (String admin : admins) {
            byte[] name = admin.getBytes(StandardCharsets.US_ASCII);
            out.write(name.length);
            out.writeBytes(name);
        }
        byte[] utf8 = title.getBytes(StandardCharsets.UTF_8);
        out.write(utf8.length);
        out.writeBytes(utf8);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** @throws InvalidMessageException if {@code link} is not exactly a link {@link #encode} makes */
    public static GroupInviteLink parse(String link) throws InvalidMessageException {
        if (link == null || !link.startsWith(PREFIX) || link.length() > PREFIX.length() + 1024) {
            throw new InvalidMessageException("invite link: not a Parley group link");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(Base64.getUrlDecoder().decode(link.substring(PREFIX.length())));
            byte version = in.get();
            if (version != VERSION && version != VERSION_ADMINS) {
                throw new InvalidMessageException("invite link: unknown version");
            }
            byte[] id = new byte[GroupId.BYTES];
            in.get(id);
            byte[] secret = new byte[GroupState.INVITE_SECRET_BYTES];
            in.get(secret);
            int count = version == VERSION ? 1 : Byte.toUnsignedInt(in.get());
            if (count > MAX_ADMINS) {
                throw new InvalidMessageException("invite link: too many admins");
            }
            List<String> admins = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] name = new byte[Byte.toUnsignedInt(in.get())];
                in.get(name);
                admins.add(new String(name, StandardCharsets.US_ASCII));
            }
            byte[] title = new byte[Byte.toUnsignedInt(in.get())];
            in.get(title);
            if (in.hasRemaining()) {
                throw new InvalidMessageException("invite link: trailing bytes");
            }
            GroupInviteLink parsed = new GroupInviteLink(new GroupId(id), secret, admins, StandardCharsets.UTF_8
                    .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(title)).toString());
            if (!parsed.encode().equals(link)) {
                throw new InvalidMessageException("invite link: not in its one encoding");
            }
            return parsed;
        } catch (BufferUnderflowException | IllegalArgumentException | CharacterCodingException e) {
            throw new InvalidMessageException("invite link: malformed");
        }
    }

    /**
     * What a join request carries instead of the secret: HMAC-SHA-256(secret, LABEL(GROUP_JOIN) || group id || u8 l
     * || joiner's username).
     */
    public byte[] proof(CryptoProvider crypto, String joiner) {
        return proof(crypto, group, secret, joiner);
    }

    /** The proof {@code joiner} must send for a group whose invite secret is {@code secret}. */
    public static byte[] proof(CryptoProvider crypto, GroupId group, byte[] secret, String joiner) {
        byte[] name = joiner.getBytes(StandardCharsets.US_ASCII);
        byte[] bound = ByteBuffer.allocate(GroupId.BYTES + 1 + name.length).put(group.bytes()).put((byte) name.length)
                .put(name).array();
        return crypto.hmac().sha256(secret, Kdf.concat(Label.GROUP_JOIN, bound));
    }

    /** Constant-time check of {@code proof} from {@code joiner} against the group's current secret (none: false). */
    public static boolean verify(CryptoProvider crypto, GroupId group, byte[] secret, String joiner, byte[] proof) {
        if (secret.length != GroupState.INVITE_SECRET_BYTES || proof == null || proof.length != PROOF_BYTES) {
            return false;
        }
        return crypto.hmac().verifySha256(secret, Kdf.concat(Label.GROUP_JOIN, ByteBuffer
                .allocate(GroupId.BYTES + 1 + joiner.length()).put(group.bytes()).put((byte) joiner.length())
                .put(joiner.getBytes(StandardCharsets.US_ASCII)).array()), proof);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupInviteLink l && group.equals(l.group) && Arrays.equals(secret, l.secret)
                && admins.equals(l.admins) && title.equals(l.title);
    }

    @Override
    public int hashCode() {
        return Objects.hash(group, Arrays.hashCode(secret), admins, title);
    }

    @Override
    public String toString() {
        return "GroupInviteLink[" + group + ", secret hidden]";
    }
}
