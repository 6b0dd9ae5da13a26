package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.envelope.OpenedEnvelope;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.service.connection.InboundHandler.Outcome;
import dev.parley.desktop.storage.EnvelopeDigest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One batch of deliveries after {@link EnvelopeSorter} opened and decrypted them on one protocol unit of work, sorted
 * by what becomes of each, before {@link BatchCommit} stores it in one transaction. Touched only on the inbound thread.
 */
final class SortedBatch {
    /** An envelope whose message key the ratchet reports as used: safe to acknowledge only if its record is committed. */
    record Redelivered(int index, EnvelopeDigest digest) {
    }

    /** Each delivery's outcome, by index; null until decided. */
    final Outcome[] outcomes;
    final ProtocolUnitOfWork work;
    /** Decrypted payloads for their handlers. */
    final List<Received<?>> decrypted = new ArrayList<>();
    /** Envelopes whose session step is kept (decrypted, or acknowledged and dropped). */
    final List<OpenedEnvelope> accepted = new ArrayList<>();
    final List<Redelivered> redelivered = new ArrayList<>();
    final List<Held> held = new ArrayList<>();
    /** Senders whose first message of a new session was not announced (they lost their state). */
    final Set<String> restarted = new LinkedHashSet<>();
    /** Envelopes acknowledged and dropped (non-contacts, own devices' messages for others): recorded, nothing stored. */
    final List<EnvelopeDigest> ignored = new ArrayList<>();
    final DeviceNotices devices;
    /**
     * Base keys of the first (prekey) messages that decrypted in this batch: their session is in the unit's record, so
     * a later envelope with the same base key is neither a replayed first message nor a session restart, and its
     * record need not be read again for those checks.
     */
    final Set<ByteBuffer> startedBaseKeys = new HashSet<>();
    /** Envelopes from blocked senders, dropped unread. */
    int dropped;

    SortedBatch(int size, ProtocolUnitOfWork work, DeviceNotices devices) {
        this.outcomes = new Outcome[size];
        this.work = work;
        this.devices = devices;
    }

    /** True if nothing of the batch needs the transaction. */
    boolean nothingToStore() {
        return work.isEmpty() && decrypted.isEmpty() && redelivered.isEmpty() && held.isEmpty() && ignored.isEmpty();
    }
}
