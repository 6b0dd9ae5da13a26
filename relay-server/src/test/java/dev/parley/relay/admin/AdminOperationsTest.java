package dev.parley.relay.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.primitives.RandomSource;
import dev.parley.relay.store.InMemoryAccountStore;
import dev.parley.relay.store.InMemoryBlobStore;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdminOperationsTest {

    /**
     * An invite code starting with '-' reads as an option on a command line: {@code invite revoke CODE} refused it
     * with a usage error (exit 2), one code in 64, which made AdminChannelTest fail now and then. Such codes are drawn
     * again.
     */
    @Test
    void noInviteCodeStartsWithADash() {
        AtomicInteger draws = new AtomicInteger();
        RandomSource random = into -> {
            // first draw: 0xF8 encodes as '-' in base64url (index 62); the second draw is ordinary
            Arrays.fill(into, draws.getAndIncrement() == 0 ? (byte) 0xF8 : (byte) 0x41);
        };
        AdminOperations admin = new AdminOperations(new InMemoryAccountStore(), new InMemoryBlobStore(), random,
                Clock.systemUTC());

        AdminResponse.InvitesCreated created =
                (AdminResponse.InvitesCreated) admin.execute(new AdminRequest.CreateInvites(1));

        assertThat(draws).hasValue(2);
        assertThat(created.codes()).singleElement().satisfies(code -> {
            assertThat(code).hasSize(20).doesNotStartWith("-");
        });
    }
}
