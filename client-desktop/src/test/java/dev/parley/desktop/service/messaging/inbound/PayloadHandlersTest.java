package dev.parley.desktop.service.messaging.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.payload.Payload;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry refuses to exist unless every payload kind has exactly one handler. */
class PayloadHandlersTest {

    @Test
    void aPayloadKindWithoutAHandlerIsRefusedAtStartNotDroppedAtRuntime() {
        assertThatThrownBy(() -> PayloadHandlers.of(List.of(
                new TypingHandler<>(Payload.TypingStarted.class, true),
                new TypingHandler<>(Payload.TypingStopped.class, false))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no handler for the payload kind");
    }

    @Test
    void twoHandlersForOneKindAreRefused() {
        assertThatThrownBy(() -> PayloadHandlers.of(List.of(
                new TypingHandler<>(Payload.TypingStarted.class, true),
                new TypingHandler<>(Payload.TypingStarted.class, false))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two handlers for TypingStarted");
    }

    @Test
    void theStandardRegistryCoversEveryKindAndOnlyTypingIsEphemeral() {
        PayloadHandlers standard = PayloadHandlers.standard(null, null, null);
        assertThat(standard.isEphemeral(new Payload.TypingStarted())).isTrue();
        assertThat(standard.isEphemeral(new Payload.TypingStopped())).isTrue();
        assertThat(standard.isEphemeral(new Payload.ReadReceipt(List.of(new dev.parley.crypto.payload.MessageId(new byte[16]))))).isFalse();
        assertThat(standard.isEphemeral(new Payload.Unknown(200))).isFalse();
    }
}
