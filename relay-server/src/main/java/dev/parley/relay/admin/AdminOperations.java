package dev.parley.relay.admin;

import dev.parley.crypto.primitives.RandomSource;
import dev.parley.relay.store.AccountStore;
import dev.parley.relay.store.BlobStore;
import dev.parley.relay.store.Invite;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Carries out {@link AdminRequest}s against a relay's stores. The running relay uses it behind its admin socket;
 * the command line uses it directly on the database when no relay is running, so both paths behave the same.
 */
public final class AdminOperations {
    private static final int INVITE_CODE_BYTES = 15;

    private final AccountStore accounts;
    private final BlobStore blobs;
    private final RandomSource random;
    private final Clock clock;

    public AdminOperations(AccountStore accounts, BlobStore blobs, RandomSource random, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * 120 random bits, base64url: 20 characters. A code starting with '-' is drawn again (it would read as an option
     * on a command line, so {@code invite revoke CODE} and the client's {@code --invite CODE} would refuse it).
     */
    private String newInviteCode() {
        while (true) {
            String code = Base64.getUrlEncoder().withoutPadding().encodeToString(random.bytes(INVITE_CODE_BYTES));
            if (code.charAt(0) != '-') {
                return code;
            }
        }
    }

    /** Executes one request. Store failures propagate as runtime exceptions. */
    public AdminResponse execute(AdminRequest request) {
        if (request instanceof AdminRequest.CreateInvites create) {
            List<String> codes = new ArrayList<>(create.count());
            for (int i = 0; i < create.count(); i++) {
                String code = newInviteCode();
                accounts.addInvite(code, clock.instant());
                codes.add(code);
            }
            return new AdminResponse.InvitesCreated(codes);
        }
        if (request instanceof AdminRequest.ListInvites) {
            return new AdminResponse.InviteList(accounts.invites().stream().map(AdminResponse.InviteEntry::of).toList());
        }
        if (request instanceof AdminRequest.RevokeInvite revoke) {
            return new AdminResponse.RevokeResult(accounts.revokeInvite(revoke.code()));
        }
        if (request instanceof AdminRequest.Stats) {
            long usable = accounts.invites().stream().filter(Invite::usable).count();
            return new AdminResponse.StatsReport(accounts.accountCount(), blobs.totalQueued(), blobs.totalQueuedBytes(), usable);
        }
        throw new IllegalArgumentException("unknown admin request");
    }
}
