package dev.parley.desktop.service.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.profile.ProfileInUseException;
import dev.parley.desktop.profile.ProfileNotFoundException;
import dev.parley.desktop.service.ProfileLockedException;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import org.junit.jupiter.api.Test;

/**
 * #18 item 2: a profile open in another window is reported as that, not as "There is no profile to open here"
 * (the storage layer knew the reason; the service mapped it to the "no profile" failure).
 */
class ProfileFailureMappingTest {
    private final UserMessages messages = new UserMessages(ViewLoader.defaultBundle());

    @Test
    void aProfileOpenElsewhereIsReportedAsOpenElsewhere() {
        var failure = DefaultAccountService.map(new ProfileInUseException("the profile database is in use"));
        assertThat(failure).isInstanceOf(dev.parley.desktop.service.ProfileInUseException.class);
        assertThat(messages.describe(failure)).contains("already open in another Parley window")
                .doesNotContain("no profile");
    }

    @Test
    void aMissingProfileIsStillReportedAsMissing() {
        var failure = DefaultAccountService.map(new ProfileNotFoundException("no such profile"));
        assertThat(failure).isInstanceOf(ProfileLockedException.class);
        assertThat(messages.describe(failure)).isEqualTo("There is no profile to open here.");
    }
}
