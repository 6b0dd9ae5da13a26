package dev.parley.desktop.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventBus} that calls listeners on the publishing thread. The JavaFX UI wraps its listeners with
 * {@code Platform::runLater}; the CLI prints directly.
 */
public final class SynchronousEventBus implements EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(SynchronousEventBus.class);

    private final List<Registration<?>> registrations = new CopyOnWriteArrayList<>();

    @Override
    public void publish(AppEvent event) {
        for (Registration<?> registration : registrations) {
            registration.offer(event);
        }
    }

    @Override
    public <E extends AppEvent> Subscription subscribe(Class<E> type, Consumer<? super E> listener) {
        Registration<E> registration = new Registration<>(type, listener);
        registrations.add(registration);
        return () -> registrations.remove(registration);
    }

    private static final class Registration<E extends AppEvent> {
        private final Class<E> type;
        private final Consumer<? super E> listener;

        Registration(Class<E> type, Consumer<? super E> listener) {
            this.type = type;
            this.listener = listener;
        }

        void offer(AppEvent event) {
            if (!type.isInstance(event)) {
                return;
            }
            try {
                listener.accept(type.cast(event));
            } catch (RuntimeException e) {
                LOG.warn("event listener for {} failed on {}", type.getSimpleName(), event.getClass().getSimpleName(), e);
            }
        }
    }
}
