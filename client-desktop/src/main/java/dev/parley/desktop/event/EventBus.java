package dev.parley.desktop.event;

import java.util.function.Consumer;

/**
 * Delivers {@link AppEvent}s from the services to whoever listens (the UI's view models, the CLI). Injected; there
 * is no static bus.
 *
 * <p>Contract: {@link #publish} never throws because of a listener (a failing listener is logged and skipped), and
 * a listener registered for a type receives every event assignable to that type, in publish order per publishing
 * thread. Listeners must not block: hand long work to your own executor.
 */
public interface EventBus {

    void publish(AppEvent event);

    /**
     * Registers {@code listener} for events of {@code type} (and its subtypes).
     *
     * @return a handle whose {@link Subscription#close()} unregisters the listener; closing twice is harmless
     */
    <E extends AppEvent> Subscription subscribe(Class<E> type, Consumer<? super E> listener);

    /** A registration that can be cancelled. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
