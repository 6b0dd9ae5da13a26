package dev.parley.desktop.net;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A thread-safe {@link ObservableValue} that its owner sets. Listeners that throw are logged and skipped. */
final class SimpleObservableValue<T> implements ObservableValue<T> {
    private static final Logger LOG = LoggerFactory.getLogger(SimpleObservableValue.class);

    private final List<Consumer<? super T>> listeners = new CopyOnWriteArrayList<>();
    private volatile T value;

    SimpleObservableValue(T initial) {
        this.value = Objects.requireNonNull(initial);
    }

    @Override
    public T get() {
        return value;
    }

    void set(T newValue) {
        value = Objects.requireNonNull(newValue);
        for (Consumer<? super T> listener : listeners) {
            try {
                listener.accept(newValue);
            } catch (RuntimeException e) {
                LOG.warn("observable value listener failed", e);
            }
        }
    }

    @Override
    public Registration addListener(Consumer<? super T> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
