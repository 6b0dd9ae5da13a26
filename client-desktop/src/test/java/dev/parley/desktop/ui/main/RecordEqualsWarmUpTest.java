package dev.parley.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.ui.common.AttachmentView;
import dev.parley.desktop.ui.common.MessageView;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue #13: the warm-up calls the generated {@code equals} of every view record the UI thread compares during a
 * burst of photos, with the parts inside them present, so those are compared (and linked) too.
 */
class RecordEqualsWarmUpTest {
    @Test
    void coversTheRecordsTheUiComparesWithTheirPartsPresent() {
        List<Object> samples = RecordEqualsWarmUp.samples("a");

        assertThat(samples).extracting(Object::getClass).contains(AttachmentView.class, MessageView.class,
                ConversationItem.class, ChatRow.MessageRow.class, AttachmentsViewModel.PendingFile.class);
        assertThat(samples).allSatisfy(s -> assertThat(s.getClass().isRecord()).as(s.getClass() + " is a record").isTrue());
        MessageView message = samples.stream().filter(MessageView.class::isInstance).map(MessageView.class::cast)
                .findFirst().orElseThrow();
        assertThat(message.attachment()).isPresent();
        assertThat(message.quote()).isPresent();
        assertThat(message.reactions()).isNotEmpty();
    }

    @Test
    void comparesEqualCopiesThatAreNotTheSameObjectsAndOthers() {
        List<Object> samples = RecordEqualsWarmUp.samples("a");
        List<Object> copies = RecordEqualsWarmUp.samples("a");
        List<Object> others = RecordEqualsWarmUp.samples("b");

        IntStream.range(0, samples.size()).forEach(i -> {
            assertThat(copies.get(i)).isEqualTo(samples.get(i)).isNotSameAs(samples.get(i));
            assertThat(copies.get(i).hashCode()).isEqualTo(samples.get(i).hashCode());
            assertThat(others.get(i)).as("another variant").isNotEqualTo(samples.get(i));
        });
        RecordEqualsWarmUp.run(); // and the warm-up itself finds them equal every time
    }
}
