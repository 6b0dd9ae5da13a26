package dev.parley.desktop.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When one member's receipts for one of our own group messages arrived (issue #15, "Read by 3 of 5").
 *
 * @param member      the member's username
 * @param deliveredAt when its delivery receipt arrived, or null
 * @param readAt      when its read receipt arrived, or null (a read receipt may come without a delivery receipt)
 */
public record MemberReceipt(String member, Instant deliveredAt, Instant readAt) {
    public MemberReceipt {
        checkMember(member);
        deliveredAt = deliveredAt == null ? null : deliveredAt.truncatedTo(ChronoUnit.MILLIS);
        readAt = readAt == null ? null : readAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Checks a member's username as the record does (refuses null, empty, too long); returns it. */
    public static String checkMember(String member) {
        return Identifiers.check(member, "member", ConversationId.MAX_LENGTH);
    }

    public Optional<Instant> delivered() {
        return Optional.ofNullable(deliveredAt);
    }

    public Optional<Instant> read() {
        return Optional.ofNullable(readAt);
    }
}
