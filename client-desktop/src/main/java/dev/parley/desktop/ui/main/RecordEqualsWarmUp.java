package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.AttachmentView;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.GroupView;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.QuoteView;
import dev.parley.desktop.ui.common.ReactionView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Links the {@code equals} and {@code hashCode} of the view records the UI thread compares, on a background thread
 * before they are needed (issue #13). A record's {@code equals} and {@code hashCode} are {@code invokedynamic} call
 * sites: the first call bootstraps them ({@code ObjectMethods}), and after about 127 calls the JVM customizes the
 * method handle behind them; both spin hidden classes with ASM, milliseconds of work. Until now that happened on the
 * UI thread at the worst moments: the drop of a burst of photos (the pending file's {@code equals}, fired by its
 * property) and the first photo's arrival in the chat (the conversation list comparing its items, whose newest
 * message now has a file: {@code ConversationItem} -> {@code MessageView} -> {@code AttachmentView}). Linking is per
 * class, not per thread or caller, so calls here make the UI thread's later ones cheap. Nothing is shown or kept.
 */
public final class RecordEqualsWarmUp {
    /** Calls per record: past the JVM's customization threshold of a method handle (127 invocations). */
    static final int CALLS = 200;

    private RecordEqualsWarmUp() {
    }

    /**
     * Runs the warm-up; call on a background thread: the first run in a fresh JVM takes tens of ms of CPU (about
     * 47 ms measured: loading the records' classes and linking their methods), later ones about 6 ms.
     */
    public static void run() {
        List<Object> samples = samples("a");
        List<Object> copies = samples("a");
        List<Object> others = samples("b");
        int equal = 0;
        for (int i = 0; i < CALLS; i++) {
            for (int s = 0; s < samples.size(); s++) {
                Object sample = samples.get(s);
                // equal (every part compared) and not equal (the list's cells compare an item with its next one)
                if (sample.equals(copies.get(s)) && sample.hashCode() == copies.get(s).hashCode()
                        && !sample.equals(others.get(s))) {
                    equal++;
                }
            }
        }
        if (equal != CALLS * samples.size()) {
            throw new IllegalStateException("a view record compared wrongly with its copy"); // same values: cannot
        }
    }

    /**
     * One of each record the UI compares, with every optional part present (so the records inside are compared too);
     * a fresh set per call, equal to one of the same {@code variant} and not the same objects (a record's
     * {@code equals} compares the parts); another variant differs in the message, the file's name and the
     * contact (not the conversation's).
     */
    static List<Object> samples(String variant) {
        Instant at = Instant.EPOCH;
        AttachmentView file = new AttachmentView(variant + ".jpg", 1, "image/jpeg", 1, 1, THUMBNAIL,
                AttachmentView.State.UPLOADED, "");
        QuoteView quote = new QuoteView("warm-up-" + variant, Optional.of("b"), Optional.of("a"));
        MessageView message = new MessageView("warm-up-" + variant, "b", true, "", at, MessageView.Status.SENT,
                Optional.empty(), 1, List.of(new ReactionView("b", "\u2764")), false, false, Optional.of(quote),
                Optional.of(file));
        ContactView contact = new ContactView("b", false, false, new GroupView("g", 2, true, false));
        // the conversation keeps its contact in both variants (its cells compare an item with its next message)
        return List.of(file, quote, message, new ContactView(variant, false, false, new GroupView(variant, 2, true,
                        false)), new ConversationItem(contact, Optional.of(message), 0, false,
                        false), new ChatRow.MessageRow(message, true),
                new AttachmentsViewModel.PendingFile(List.of(PATH), variant + ".jpg", 1, Optional.empty(), false));
    }

    /** Shared by the samples: a record compares an array by identity, so the copies must hold the same one. */
    private static final byte[] THUMBNAIL = new byte[1];
    private static final Path PATH = Path.of("a.jpg");
}
