package dev.parley.relay.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link QueueWakeups} through PostgreSQL's {@code LISTEN}/{@code NOTIFY}: one pooled connection per node listens on
 * {@value PgBlobStore#STORED_CHANNEL}; every committed store notifies with the recipient's key. When the listening
 * connection breaks it reconnects every second and then wakes every subscriber once, since notifications sent
 * meanwhile are lost.
 */
final class PgQueueWakeups implements QueueWakeups {
    private static final Logger LOG = LoggerFactory.getLogger(PgQueueWakeups.class);
    private static final int POLL_MILLIS = 250;

    private final PgDatabase db;
    private final Map<ByteBuffer, Runnable> subscribers = new ConcurrentHashMap<>();
    private final Thread listener;
    private volatile boolean listening;
    private volatile boolean closed;

    PgQueueWakeups(PgDatabase db) {
        this.db = db;
        this.listener = new Thread(this::listenLoop, "relay-pg-listen");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    @Override
    public void subscribe(String username, Runnable wake) {
        subscribers.put(ByteBuffer.wrap(db.usernames().of(username)), wake);
    }

    @Override
    public void unsubscribe(String username, Runnable wake) {
        subscribers.remove(ByteBuffer.wrap(db.usernames().of(username)), wake);
    }

    @Override
    public boolean listening() {
        return listening;
    }

    private void listenLoop() {
        boolean missedSome = false;
        while (!closed) {
            try (Connection c = db.connection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + PgBlobStore.STORED_CHANNEL);
                }
                c.commit();
                listening = true;
                if (missedSome) {
                    LOG.info("event=store_wakeups_resumed");
                    subscribers.values().forEach(Runnable::run);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        Runnable wake = subscribers.get(ByteBuffer.wrap(HexFormat.of().parseHex(n.getParameter())));
                        if (wake != null) {
                            wake.run();
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (listening || !missedSome) {
                    LOG.warn("event=store_wakeups_lost reason=\"{}\"", e.getMessage());
                }
                listening = false;
                missedSome = true;
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        listener.interrupt();
        try {
            listener.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
