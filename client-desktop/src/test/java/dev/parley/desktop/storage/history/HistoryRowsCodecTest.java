package dev.parley.desktop.storage.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rows of a history chunk (issue #17, docs/protocol.md 1.18): a round trip, and every malformed body refused. */
class HistoryRowsCodecTest {
    private static final HistoryRows.Message FULL = new HistoryRows.Message("00ff", "#abcd", "OUTGOING", "alice", 5L,
            6L, "hello \uD83D\uDC4D", "READ", null, false, false, 1, 7L, "0011", "bob", "quoted", 9L, "TEXT", 10L, 11L,
            null, List.of(new HistoryRows.Version(1, "hallo", 6L)),
            List.of(new HistoryRows.Reaction("bob", "\uD83D\uDC4D", 8L)),
            new HistoryRows.Attachment(new byte[16], new byte[32], new byte[32], 1234, "notes.txt", "text/plain", 0, 0,
                    new byte[0], "DOWNLOADED"));

    private static HistoryRows sample() {
        return new HistoryRows(
                List.of(new HistoryRows.GroupState("abcd", new byte[] {1, 2}, null, new byte[32], true)),
                List.of(new HistoryRows.Conversation("#abcd", "GROUP", 3600, true, false)),
                List.of(FULL, new HistoryRows.Message("0100", "bob", "SYSTEM", "bob", 1L, null, "a line", "DELIVERED",
                        "why", true, true, 0, null, null, null, null, null, "SYSTEM", null, null, 12L, List.of(),
                        List.of(), null)));
    }

    @Test
    void roundTrips() throws Exception {
        HistoryRows back = HistoryRowsCodec.decode(HistoryRowsCodec.encode(sample()));
        assertThat(back.groups()).singleElement().satisfies(g -> {
            assertThat(g.groupId()).isEqualTo("abcd");
            assertThat(g.state()).containsExactly(1, 2);
            assertThat(g.previous()).isNull();
            assertThat(g.active()).isTrue();
        });
        assertThat(back.conversations()).isEqualTo(sample().conversations());
        assertThat(back.messages()).hasSize(2);
        HistoryRows.Message m = back.messages().get(0);
        assertThat(m).usingRecursiveComparison().ignoringFields("attachment").isEqualTo(FULL);
        assertThat(m.attachment()).usingRecursiveComparison().isEqualTo(FULL.attachment());
        assertThat(back.messages().get(1).readAt()).isEqualTo(12L);
        assertThat(HistoryRowsCodec.size(FULL)).isLessThan(HistoryRowsCodec.encode(sample()).length);
    }

    @Test
    void malformedRowsAreRefused() {
        byte[] good = HistoryRowsCodec.encode(sample());
        for (int cut = 0; cut < good.length; cut++) {
            byte[] truncated = Arrays.copyOf(good, cut);
            assertThatThrownBy(() -> HistoryRowsCodec.decode(truncated)).as("cut at %d", cut)
                    .isInstanceOf(MalformedHistoryException.class);
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> HistoryRowsCodec.decode(longer)).isInstanceOf(MalformedHistoryException.class);
        byte[] newer = good.clone();
        newer[0] = 2;
        assertThatThrownBy(() -> HistoryRowsCodec.decode(newer)).isInstanceOf(MalformedHistoryException.class)
                .hasMessageContaining("newer");
        HistoryRows unknownState = new HistoryRows(List.of(), List.of(), List.of(new HistoryRows.Message("01", "bob",
                "INCOMING", "bob", 1L, null, "x", "LOST", null, false, false, 0, null, null, null, null, null, "TEXT",
                null, null, null, List.of(), List.of(), null)));
        assertThatThrownBy(() -> HistoryRowsCodec.decode(HistoryRowsCodec.encode(unknownState)))
                .isInstanceOf(MalformedHistoryException.class).hasMessageContaining("MessageState");
    }
}
