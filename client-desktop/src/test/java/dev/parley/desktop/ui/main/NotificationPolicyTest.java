package dev.parley.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import org.junit.jupiter.api.Test;

class NotificationPolicyTest {
    private final NotificationPolicy policy = new NotificationPolicy(new UserMessages(ViewLoader.defaultBundle()));
    private final MessageView incoming = Messages.in("bob", "the launch code is 1234", "2026-03-02T09:00:00Z",
            MessageView.Status.UNREAD);

    @Test
    void notifiesOnlyWhenUnfocusedAndEnabled() {
        assertThat(policy.decide(incoming, true, false, true)).isEmpty();
        assertThat(policy.decide(incoming, false, false, false)).isEmpty();
        assertThat(policy.decide(incoming, true, false, false)).isPresent();
        assertThat(policy.decide(Messages.out("bob", "x", "2026-03-02T09:00:00Z", MessageView.Status.SENT), true, true,
                false)).isEmpty();
    }

    @Test
    void keepsTheTextOutUnlessAllowed() {
        NotificationPolicy.Notification hidden = policy.decide(incoming, true, false, false).orElseThrow();
        assertThat(hidden.title()).isEqualTo("New message from bob");
        assertThat(hidden.title() + hidden.body()).doesNotContain("1234");
        assertThat(policy.decide(incoming, true, true, false).orElseThrow().body()).isEqualTo("the launch code is 1234");
    }

    @Test
    void namesTheSenderByTheNameTheListShows() {
        assertThat(policy.decide(incoming, "Bob Builder", true, false, false).orElseThrow().title())
                .isEqualTo("New message from Bob Builder");
    }
}
