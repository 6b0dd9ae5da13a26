package dev.parley.desktop.storage.history;

import dev.parley.desktop.storage.AttachmentState;
import dev.parley.desktop.storage.ConversationKind;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.MessageKind;
import dev.parley.desktop.storage.MessageState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one encoding of {@link HistoryRows} (docs/protocol.md 1.18, "History transfer"). Big-endian; strings are u32
 * length + strict UTF-8, byte strings u32 length + bytes, optional values a presence byte (0 or 1) first:
 * <pre>
 * rows         = u8 format (1) || u16 n || n * group || u16 n || n * conversation || u16 n || n * message
 * group        = group id (string) || state (bytes) || optional previous (bytes) || change hash (bytes) || active (u8)
 * conversation = id (string) || kind (string) || timer seconds (i64) || muted (u8) || archived (u8)
 * message      = message id, conversation id, direction, sender (strings) || sent at (i64) || optional received at
 *                || body (string) || state (string) || optional failure reason || unread (u8) || deleted (u8)
 *                || edit count (i32) || optional edited at || optional quoted id, author, snippet
 *                || optional expires at || kind (string) || optional relay accepted, delivered, read at
 *                || u8 n || n * (version (i32) || body || written at (i64))
 *                || u8 n || n * (reactor || emoji || reacted at (i64))
 *                || optional (attachment id, file key, digest (bytes) || size (i64) || file name, content type
 *                   || width, height (i32) || thumbnail (bytes) || state (string))
 * </pre>
 * Enumerated values (direction, state, kinds) must be names this version knows; anything else, a truncated body or
 * bytes after the last message is {@link MalformedHistoryException}.
 */
public final class HistoryRowsCodec {
    static final int FORMAT = 1;
    private static final int MAX_VALUE_BYTES = 1 << 20;

    private HistoryRowsCodec() {
    }

    public static byte[] encode(HistoryRows rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeShort(rows.groups().size());
            for (HistoryRows.GroupState g : rows.groups()) {
                string(out, g.groupId());
                bytes(out, g.state());
                optionalBytes(out, g.previous());
                bytes(out, g.changeHash());
                out.writeBoolean(g.active());
            }
            out.writeShort(rows.conversations().size());
            for (HistoryRows.Conversation c : rows.conversations()) {
                string(out, c.id());
                string(out, c.kind());
                out.writeLong(c.expireSeconds());
                out.writeBoolean(c.muted());
                out.writeBoolean(c.archived());
            }
            out.writeShort(rows.messages().size());
            for (HistoryRows.Message m : rows.messages()) {
                message(out, m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The encoded size of one message (to fill a chunk up to its budget). */
    public static int size(HistoryRows.Message message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            message(out, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.size();
    }

    public static HistoryRows decode(byte[] encoded) throws MalformedHistoryException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded));
        try {
            if (in.readUnsignedByte() != FORMAT) {
                throw new MalformedHistoryException("history rows of an unknown format (made by a newer Parley?)");
            }
            List<HistoryRows.GroupState> groups = new ArrayList<>();
            for (int i = in.readUnsignedShort(); i > 0; i--) {
                groups.add(new HistoryRows.GroupState(string(in), bytes(in), optionalBytes(in), bytes(in), bool(in)));
            }
            List<HistoryRows.Conversation> conversations = new ArrayList<>();
            for (int i = in.readUnsignedShort(); i > 0; i--) {
                HistoryRows.Conversation c = new HistoryRows.Conversation(string(in), string(in), in.readLong(),
                        bool(in), bool(in));
                known(ConversationKind.class, c.kind());
                conversations.add(c);
            }
            List<HistoryRows.Message> messages = new ArrayList<>();
            for (int i = in.readUnsignedShort(); i > 0; i--) {
                messages.add(message(in));
            }
            if (in.read() != -1) {
                throw new MalformedHistoryException("bytes after the last history row");
            }
            return new HistoryRows(groups, conversations, messages);
        } catch (EOFException e) {
            throw new MalformedHistoryException("the history rows are truncated");
        } catch (IOException e) {
            throw new MalformedHistoryException("the history rows are unreadable");
        }
    }

    private static void message(DataOutputStream out, HistoryRows.Message m) throws IOException {
        string(out, m.messageId());
        string(out, m.conversationId());
        string(out, m.direction());
        string(out, m.sender());
        out.writeLong(m.sentAt());
        optionalLong(out, m.receivedAt());
        string(out, m.body());
        string(out, m.state());
        optionalString(out, m.failureReason());
        out.writeBoolean(m.unread());
        out.writeBoolean(m.deleted());
        out.writeInt(m.editCount());
        optionalLong(out, m.editedAt());
        optionalString(out, m.quotedId());
        optionalString(out, m.quotedAuthor());
        optionalString(out, m.quotedSnippet());
        optionalLong(out, m.expiresAt());
        string(out, m.kind());
        optionalLong(out, m.relayAcceptedAt());
        optionalLong(out, m.deliveredAt());
        optionalLong(out, m.readAt());
        out.writeByte(m.versions().size());
        for (HistoryRows.Version v : m.versions()) {
            out.writeInt(v.version());
            string(out, v.body());
            out.writeLong(v.writtenAt());
        }
        out.writeByte(m.reactions().size());
        for (HistoryRows.Reaction r : m.reactions()) {
            string(out, r.reactor());
            string(out, r.emoji());
            out.writeLong(r.reactedAt());
        }
        HistoryRows.Attachment a = m.attachment();
        out.writeBoolean(a != null);
        if (a != null) {
            bytes(out, a.attachmentId());
            bytes(out, a.fileKey());
            bytes(out, a.digest());
            out.writeLong(a.size());
            string(out, a.fileName());
            string(out, a.contentType());
            out.writeInt(a.width());
            out.writeInt(a.height());
            bytes(out, a.thumbnail());
            string(out, a.state());
        }
    }

    private static HistoryRows.Message message(DataInputStream in) throws IOException, MalformedHistoryException {
        String id = string(in);
        String conversation = string(in);
        String direction = known(Direction.class, string(in));
        String sender = string(in);
        long sentAt = in.readLong();
        Long receivedAt = optionalLong(in);
        String body = string(in);
        String state = known(MessageState.class, string(in));
        String failure = optionalString(in);
        boolean unread = bool(in);
        boolean deleted = bool(in);
        int editCount = in.readInt();
        Long editedAt = optionalLong(in);
        String quotedId = optionalString(in);
        String quotedAuthor = optionalString(in);
        String quotedSnippet = optionalString(in);
        Long expiresAt = optionalLong(in);
        String kind = known(MessageKind.class, string(in));
        Long accepted = optionalLong(in);
        Long delivered = optionalLong(in);
        Long read = optionalLong(in);
        List<HistoryRows.Version> versions = new ArrayList<>();
        for (int i = in.readUnsignedByte(); i > 0; i--) {
            versions.add(new HistoryRows.Version(in.readInt(), string(in), in.readLong()));
        }
        List<HistoryRows.Reaction> reactions = new ArrayList<>();
        for (int i = in.readUnsignedByte(); i > 0; i--) {
            reactions.add(new HistoryRows.Reaction(string(in), string(in), in.readLong()));
        }
        HistoryRows.Attachment attachment = null;
        if (bool(in)) {
            attachment = new HistoryRows.Attachment(bytes(in), bytes(in), bytes(in), in.readLong(), string(in),
                    string(in), in.readInt(), in.readInt(), bytes(in), known(AttachmentState.class, string(in)));
        }
        return new HistoryRows.Message(id, conversation, direction, sender, sentAt, receivedAt, body, state, failure,
                unread, deleted, editCount, editedAt, quotedId, quotedAuthor, quotedSnippet, expiresAt, kind, accepted,
                delivered, read, versions, reactions, attachment);
    }

    private static <E extends Enum<E>> String known(Class<E> type, String name) throws MalformedHistoryException {
        try {
            Enum.valueOf(type, name);
            return name;
        } catch (IllegalArgumentException e) {
            throw new MalformedHistoryException("a history row holds an unknown " + type.getSimpleName());
        }
    }

    private static boolean bool(DataInputStream in) throws IOException, MalformedHistoryException {
        int b = in.readUnsignedByte();
        if (b > 1) {
            throw new MalformedHistoryException("a history row holds a bad flag");
        }
        return b == 1;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        bytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static String string(DataInputStream in) throws IOException, MalformedHistoryException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes(in))).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedHistoryException("a history row holds text that is not UTF-8");
        }
    }

    private static void optionalString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            string(out, s);
        }
    }

    private static String optionalString(DataInputStream in) throws IOException, MalformedHistoryException {
        return bool(in) ? string(in) : null;
    }

    private static void optionalLong(DataOutputStream out, Long value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private static Long optionalLong(DataInputStream in) throws IOException, MalformedHistoryException {
        return bool(in) ? in.readLong() : null;
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] bytes(DataInputStream in) throws IOException, MalformedHistoryException {
        int length = in.readInt();
        if (length < 0 || length > MAX_VALUE_BYTES || length > in.available()) {
            throw new MalformedHistoryException("a history row holds an impossible length");
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return b;
    }

    private static void optionalBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeBoolean(b != null);
        if (b != null) {
            bytes(out, b);
        }
    }

    private static byte[] optionalBytes(DataInputStream in) throws IOException, MalformedHistoryException {
        return bool(in) ? bytes(in) : null;
    }
}
