package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.Quote;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** The columns of a {@code messages} row (alias {@code m}) and how they map to a {@link Message}. */
final class MessageRows {
    static final String COLUMNS = "m.seq, m.message_id, m.conversation_id, m.direction, m.sender, m.sent_at, "
            + "m.received_at, m.body, m.state, m.failure_reason, m.deleted, m.edit_count, m.quoted_id, m.quoted_author, "
            + "m.quoted_snippet, m.kind, m.expires_at";

    /** The three quote columns, in {@link #setQuote}'s order. */
    static final String QUOTE_COLUMNS = "quoted_id, quoted_author, quoted_snippet";

    private MessageRows() {
    }

    static Message read(ResultSet rs) throws SQLException {
        String quotedId = rs.getString("quoted_id");
        Quote quote = quotedId == null ? null
                : new Quote(new MessageId(quotedId), rs.getString("quoted_author"), rs.getString("quoted_snippet"));
        return new Message(new MessageCursor(rs.getLong("seq")), new MessageId(rs.getString("message_id")),
                new ConversationId(rs.getString("conversation_id")), Direction.valueOf(rs.getString("direction")),
                rs.getString("sender"), Sql.getInstant(rs, "sent_at"), Sql.getInstant(rs, "received_at"),
                rs.getString("body"), MessageState.valueOf(rs.getString("state")), rs.getString("failure_reason"),
                rs.getBoolean("deleted"), rs.getInt("edit_count"), quote,
                dev.parley.desktop.storage.MessageKind.valueOf(rs.getString("kind")), Sql.getInstant(rs, "expires_at"));
    }

    /** Sets the quote columns from parameter {@code first} on (all NULL for a message that is not a reply). */
    static void setQuote(PreparedStatement ps, int first, Quote quote) throws SQLException {
        if (quote == null) {
            ps.setNull(first, Types.VARCHAR);
            ps.setNull(first + 1, Types.VARCHAR);
            ps.setNull(first + 2, Types.VARCHAR);
        } else {
            ps.setString(first, quote.target().value());
            ps.setString(first + 1, quote.author());
            ps.setString(first + 2, quote.snippet());
        }
    }
}
