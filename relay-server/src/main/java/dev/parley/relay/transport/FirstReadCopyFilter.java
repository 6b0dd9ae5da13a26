package dev.parley.relay.transport;

import java.io.IOException;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Sits right before Grizzly's HTTP codec and copies the first read of every connection (its request head) into an
 * array of its own (issue #16, RSS per idle account). Grizzly reads into slices of pooled 64 KiB arrays and parses
 * the request head in place; an upgraded WebSocket connection keeps its parsed request for life, and with it a
 * whole pool array that other connections' slices share (about 8.5 KB per idle connection measured at 2,000). With
 * the copy, the kept request pins only its own few hundred bytes. Reads over {@link #MAX_COPY_BYTES} (an upload's
 * body arriving with its head) go through as they are, as does everything after the first read.
 */
final class FirstReadCopyFilter extends BaseFilter {
    static final int MAX_COPY_BYTES = 16 * 1024;
    private static final Attribute<Boolean> SEEN =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(FirstReadCopyFilter.class.getName() + ".seen");

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        if (SEEN.isSet(connection)) {
            return ctx.getInvokeAction();
        }
        SEEN.set(connection, Boolean.TRUE);
        if (ctx.getMessage() instanceof Buffer read && read.hasRemaining() && read.remaining() <= MAX_COPY_BYTES) {
            byte[] copy = new byte[read.remaining()];
            read.get(copy);
            read.tryDispose();
            ctx.setMessage(Buffers.wrap(connection.getMemoryManager(), copy));
        }
        return ctx.getInvokeAction();
    }
}
